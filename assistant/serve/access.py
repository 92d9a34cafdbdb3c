"""The access token asked for when the server listens beyond this machine."""

from __future__ import annotations

import hmac
import ipaddress
import secrets

TOKEN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Upper-case letters and digits without the look-alikes (0/O, 1/I/L): read aloud or copied by
hand from the server's console without mistakes."""

TOKEN_GROUPS = 3
TOKEN_GROUP_LENGTH = 4
"""Twelve characters of a 31-letter alphabet: about 59 bits, against a guess rate held down by
the pause after every wrong try."""

COOKIE = "nianbao_access"


def new_token() -> str:
    """A fresh token such as ``K7QD-9XMP-R2TW``."""
    groups = (
        "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_GROUP_LENGTH))
        for _ in range(TOKEN_GROUPS)
    )
    return "-".join(groups)


def normalize(typed: str) -> str:
    """What the author typed, without the spaces, dashes and case that do not matter."""
    return "".join(c for c in typed.upper() if c.isalnum())


def token_matches(token: str, typed: str) -> bool:
    """Compare in constant time, so the time taken does not tell how much of a guess was right."""
    return hmac.compare_digest(normalize(token).encode(), normalize(typed).encode())


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
