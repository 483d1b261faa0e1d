"""The My Number card (券面事項入力補助AP) through PC/SC: `protocol` speaks APDUs, `pcsc` talks to
the reader. See docs/card.md for what is read, from which public sources, and on what legal basis."""
