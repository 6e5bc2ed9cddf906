"""Turn a seed's bytes into clean Unicode text: any of UTF-8 (with or without BOM),
UTF-16 with BOM, CP949/EUC-KR, or lines mixing the two; any line endings; NFC."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# Control characters that never belong in prose (tab, newline and a PDF's page break are kept).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\u200b]")


class NotText(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # What had to be repaired, for the build output (empty when the input was clean UTF-8).
    notes: tuple[str, ...] = ()


def decode_seed(data: bytes) -> Decoded:
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        has_bom = data.startswith(codecs.BOM_UTF8)
        body = data[len(codecs.BOM_UTF8):] if has_bom else data
        if _is_utf8(body):
            text, encoding = body.decode("utf-8"), "utf-8-sig" if has_bom else "utf-8"
        else:
            try:
                text, encoding = body.decode("cp949"), "cp949"
                notes.append("decoded as CP949/EUC-KR (legacy Korean encoding)")
            except UnicodeDecodeError:
                text, encoding = _mixed(body, notes), "mixed"
    if "\x00" in text:
        notes.append(f"removed {text.count(chr(0))} NUL byte(s)")
        text = text.replace("\x00", "")
    if _looks_binary(text):
        raise NotText("binary data, not text (too many control characters)")
    text = _CONTROL.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    if text.count("\ufffd") > max(8, len(text) // 50):
        raise NotText("undecodable bytes make up much of the file; is it text?")
    return Decoded(text=text, encoding=encoding, notes=tuple(notes))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mixed(data: bytes, notes: list[str]) -> str:
    """Decode line by line: UTF-8 where it is valid, else CP949, else replacement marks."""
    lines, legacy, broken = [], 0, 0
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(raw.decode("cp949"))
            legacy += 1
        except UnicodeDecodeError:
            lines.append(raw.decode("utf-8", errors="replace"))
            broken += 1
    if legacy:
        notes.append(f"mixed encodings: {legacy} line(s) decoded as CP949/EUC-KR")
    if broken:
        notes.append(f"{broken} line(s) had undecodable bytes, replaced with �")
    return "\n".join(lines)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if (ch < " " and ch not in "\n\r\t") or ch == "\x7f")
    return controls > 8 and controls > len(sample) * 0.05
