"""Resident QR codes: the KKN1 payload, image decoding backends and scanner input."""
