"""The words the site's own interface uses in Korean: labels of metadata fields and of
where they came from, kinds of entity, and short phrases the views compose."""
from __future__ import annotations

FIELD_LABELS = {"title": "제목", "slug": "주소", "outlet": "매체", "outlet_en": "매체(영문)", "published": "날짜",
                "authors": "기자", "source": "원문 파일", "source_sha256": "원문 해시", "language": "언어",
                "cites": "인용 매체", "rights": "저작권", "deck": "부제", "dateline": "송고지", "summary": "요약",
                "notes": "근거 메모"}
ORIGIN_LABELS = {"text": "원문 텍스트", "manifest": "연구자 매니페스트", "seed": "수집 파일", "derived": "자동 생성",
                 "portal": "포털 요약(본문이 되풀이)", "metadata": "페이지 메타데이터", "guessed": "원문 텍스트(추정)"}
TITLE_NOTES = {"manifest": "원문에 제목이 없어 연구자가 붙인 제목입니다.",
               "derived": "원문에 제목이 없어 첫 문장에서 따온 제목입니다.",
               "guessed": "원문에서 제목임을 뒷받침하는 표시(입력 시각, 기자 이름)를 찾지 못해 추정한 제목입니다."}
# Kinds of entity, in the order the site lists them.
KIND_LABELS = {
    "company": "기업",
    "chip": "칩",
    "government body": "정부 기관",
    "international organization": "국제기구",
    "media outlet": "언론사",
    "place": "지역",
    "person": "인물",
    "research institution": "연구 기관",
    "product/model": "제품·모델",
}
UNKNOWN_DATE = "날짜 미상"
BLOCKS = {"p": "{}문단", "s": "소제목 {}", "fig": "사진 {}"}  # a block's anchor ("p-3") as links name it
SELF_LINKS = {"paragraph": "이 문단의 주소", "heading": "이 절의 주소"}  # the ¶ links of a report's blocks (assets/site.js)
LANGUAGE_NAMES = {"ko": "한국어", "en": "영어", "ja": "일본어", "zh": "중국어"}  # a report's language, named on results
ESTIMATED = "추정"
UNKNOWN_OUTLET = "매체 미상"
# What a report says of a dated event (when.STATUSES), as filters name it; as badges, "happened" goes without one.
STATUS_NAMES = {"happened": "일어난 일", "scheduled": "예정", "planned": "계획", "cancelled": "취소"}
STATUS_LABELS = {status: name for status, name in STATUS_NAMES.items() if status != "happened"}
ORIGIN = "원 보도"  # a sentence's original source, as the link after it on a report's page names it (hidden words)

# The normalization audit of a source page (``ingest/audit.py``): what became of a line, and by which rule.
FATE_LABELS = {"body": "본문", "heading": "소제목", "caption": "사진 설명", "metadata": "메타데이터", "removed": "제거",
               "blank": "빈 줄"}
RULE_LABELS = {
    "paragraph": "문단", "list-item": "목록 항목", "table-row": "표의 행", "quote": "인용", "heading": "소제목",
    "caption": "사진 설명", "title": "제목", "deck": "부제", "byline": "기자 표기", "stamp": "입력·수정 시각",
    "dateline": "송고지", "rights": "저작권 표기", "masthead": "매체 이름", "header": "게시판·메일 머리말",
    "summary": "포털 요약(본문과 중복)", "before-article": "기사 앞부분", "after-article": "기사 뒷부분", "menu": "메뉴",
    "label": "분류·머리 표시", "box": "본문과 떨어진 상자", "link-box": "관련 기사 목록", "interface": "화면 안내·버튼",
    "contact": "연락처", "credits": "제작진·목차", "repeat": "중복된 줄", "closing-note": "끝맺음 안내",
    "page-furniture": "쪽 머리·쪽 번호", "table-rule": "표 구분선", "blank": "빈 줄",
}
