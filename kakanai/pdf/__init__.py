"""Print-ready PDFs the resident only signs: every form of a plan, filled, and a take-home sheet.

The only package that imports reportlab. Start at `kakanai.pdf.bundle`.
"""
