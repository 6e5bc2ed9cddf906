"""Encodings and line endings of seed files."""
import codecs

import pytest

from microsite.ingest.decode import NotText, decode_seed

TEXT = "엔비디아의 최신 칩은 ‘제품’으로서 규제 품목이다.\n둘째 줄이다."


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.replace("‘", "'").replace("’", "'").encode("cp949"), "cp949"),
    (TEXT.replace("‘", "'").replace("’", "'").encode("euc-kr"), "cp949"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
])
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_seed(data)
    assert decoded.encoding == encoding
    assert decoded.text.replace("'", "‘", 1).replace("'", "’", 1) == TEXT


def test_legacy_encoding_is_reported() -> None:
    assert decode_seed("한국어".encode("cp949")).notes == ("decoded as CP949/EUC-KR (legacy Korean encoding)",)
    assert decode_seed("한국어".encode("utf-8")).notes == ()


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_any_line_endings_become_newlines(newline: str) -> None:
    assert decode_seed(newline.join(["첫 줄", "둘째 줄", ""]).encode("utf-8")).text == "첫 줄\n둘째 줄\n"


def test_output_is_nfc() -> None:
    decomposed = "\u1112\u1161\u11ab\u1100\u1173\u11af"  # 한글 as conjoining jamo
    assert decode_seed(decomposed.encode("utf-8")).text == "한글"


def test_mixed_encodings_are_decoded_line_by_line() -> None:
    data = "첫 줄은 UTF-8".encode("utf-8") + b"\n" + "둘째 줄은 완성형".encode("cp949")
    decoded = decode_seed(data)
    assert decoded.text == "첫 줄은 UTF-8\n둘째 줄은 완성형"
    assert any("mixed" in note for note in decoded.notes)


def test_nul_bytes_are_removed_with_a_note() -> None:
    decoded = decode_seed("본문\x00이다.".encode("utf-8"))
    assert decoded.text == "본문이다."
    assert any("NUL" in note for note in decoded.notes)


def test_binary_junk_is_refused() -> None:
    with pytest.raises(NotText):
        decode_seed(bytes(range(256)) * 40)
