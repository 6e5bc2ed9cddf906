"""What page furniture looks like in Korean news captures: patterns, no logic.

Each pattern names one kind of furniture seen on Korean news sites and portals. The
normalizer (``normalize.py``) decides what to do with a line; this module only says what
a line looks like. Add a pattern here when a new portal brings new furniture.
"""
from __future__ import annotations

import re

# Reporter roles that make a name a byline.
ROLE = r"(?:기자|특파원|선임기자|수석기자|전문기자|객원기자|인턴기자|논설위원|편집위원|통신원|리포터|칼럼니스트)"
NAME = r"[가-힣]{2,4}"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
SENTENCE_END = re.compile(r"[.!?。…][\"'”’)\]」』]*$")

# Dates as portals print them: 2024.07.18, 2024-07-18, 2024/7/18, 2024년 7월 18일, optional time.
DATE = r"(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*일?"
DATE_UNNAMED = re.sub(r"\?P<\w>", "?:", DATE)
TIME = r"(?:\s*(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?)?"

# Lines that begin the trailer: everything from here on is portal material, not the article.
TRAILER_START = re.compile(
    r"^(?:번호\s+제목\s+글쓴이|관련\s?(?:자료|기사|뉴스)(?:\s|$)|(?:이전|다음)\s?(?:기사|글)(?:\s|$)"
    r"|많이\s?본\s?(?:뉴스|기사)|인기\s?(?:뉴스|기사)|주요\s?뉴스$|추천\s?기사|이\s?시각\s?(?:주요|인기)"
    r"|(?:함께|같이)\s?(?:보면|볼만한)|댓글\s?\d+(?:\s|$)|등록된 댓글이 없습니다)"
)

# Rights notices: "Copyright © 문화일보. 무단전재 및 재배포 금지.", "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>".
RIGHTS = re.compile(r"(?:copyright|ⓒ|©|\(c\)|저작권자).*(?:무단|금지|all rights reserved)|무단\s?전재.*금지", re.I)
RIGHTS_OWNER = re.compile(
    r"(?:copyright\s*(?:ⓒ|©|\(c\))?|저작권자\s*(?:ⓒ|©|\(c\))?|ⓒ|©|\(c\))\s*(?:since\s*\d{4}\s*,?\s*)?(?P<owner>[^.,:<>\[\]()|]+?)\s*(?:[.,:<>\[\]()|]|무단|all rights|$)",
    re.I,
)

# An aggregator's numbered listing row: "45907 [영상]… 랭크뉴스 2024.08.30".
LISTING_ROW = re.compile(r"^\d{3,}\s+\S.*\s(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?$")

# Interface strings of news sites and portals (whole lines).
UI_LINE = re.compile(
    r"^(?:메뉴\s?건너뛰기|본문\s?(?:바로가기|건너뛰기)|(?:주|전체)\s?메뉴(?:\s?바로가기)?|상단으로|맨\s?위로"
    r"|이 글자크기로 변경됩니다\.?|\(예시\)\s?가장 빠른 뉴스가.*|전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다\.?"
    r"|(?:본문\s?)?글(?:자|씨)\s?크기.*|가\s?가\s?가.*|기사\s?(?:제보|문의|구매|저장|스크랩).*"
    r"|(?:네이버|다음|구글)\s?(?:뉴스)?(?:에서|스탠드에서)?\s?.*구독.*|구독\s?(?:하기|신청).*"
    r"|(?:이\s?)?기사를?\s?(?:추천|공유)(?:합니다|하기)?.*|(?:본문\s?)?(?:요약|읽기|듣기)\s?(?:봇|모드)?"
    r"|조회\s?(?:수)?\s?[:：]?\s?[\d,]+|\d+\s?명?\s?(?:이|이\s?)?(?:읽음|봤어요)|음성(?:으로)?\s?듣기.*"
    r"|로그인(?:한 회원만|하시면|이 필요).*|이 기사는 .*(?:섹션|분류|카테고리|선정).*"
    r"|언론사에서 .*(?:섹션|분류|선정).*|해당 언론사.*(?:선정|분류|채널|구독).*|.*(?:요약봇|자동 요약|AI가 요약).*"
    r"|(?:기사|뉴스)\s?(?:목록|원문\s?보기)|원문\s?보기|(?:더|자세히)\s?보기|광고|AD)$"
)

# Words of share, comment and reaction widgets; a line made only of these (and counts) is a widget.
WIDGET_WORDS = frozenset(
    "공유 공유하기 댓글 댓글쓰기 좋아요 싫어요 추천 추천하기 스크랩 인쇄 프린트 프린트하기 구독 목록 닫기 "
    "페이스북 트위터 엑스 카카오톡 카카오스토리 카카오 밴드 네이버 블로그 링크 URL 복사 링크복사 URL복사 "
    "주소복사 메일 이메일 SNS 보내기 퍼가기 번역 펼치기 접기 더보기 훈훈해요 슬퍼요 화나요 후속 후속기사 "
    "원해요 좋아요! 응원해요 놀랐어요 궁금해요 기사 반응 쏠쏠정보 흥미진진 공감백배 분석탁월 가 이 "
    "글자 크기 작게 크게 보통 작성일 수정일 입력 수정 조회 조회수 Facebook Twitter Kakao".split()
)

# Broadcast transcript markers: "[앵커]", "◀ 앵커 ▶", "<리포트>", "【기자】".
BROADCAST_MARKER = re.compile(
    r"^[\[<◀【(]\s*(?:앵커|기자|리포트|인터뷰|녹취|스탠드업|앵커\s?멘트|리포터|클로징|현장음|싱크|자막|브릿지|CG)"
    r"\s*[\]>▶】)]\s*"
)

# Timestamps: "입력 2024.07.18 08:00", "수정 2024-07-18", "기사입력 2024.07.18. 오전 8:00", "작성일 11-28".
STAMP_LABEL = r"(?:입력|수정|등록|게재|송고|승인|기사\s?입력|최종\s?수정|업데이트|작성일|발행일|발행|날짜)"
STAMP = re.compile(rf"{STAMP_LABEL}\s*[:：]?\s*(?:{DATE}|(?P<pm>\d{{1,2}})[.\-/](?P<pd>\d{{1,2}})(?!\d)){TIME}")
STAMP_ONLY_LINE = re.compile(
    rf"^(?:\s*[|·/]?\s*{STAMP_LABEL}\s*[:：]?\s*(?:{DATE_UNNAMED}"
    rf"|\d{{1,2}}[.\-/]\d{{1,2}}){TIME}\.?)+\s*$"
)
# A portal header glued after the headline: "<headline> 작성일 11-28 42 목록".
GLUED_STAMP = re.compile(rf"\s+(?=(?:{STAMP_LABEL})\s*[:：]?\s*(?:\d{{4}}[.\-/]|\d{{1,2}}[.\-/]\d{{1,2}})).*$")

# Bylines. "워싱턴=김남석 특파원 namdol@munhwa.com", "[홍길동 기자]", "한정호 기자(jhh@zdnet.co.kr)",
# "한겨레 | 임지선 기자 | 2024-07-18 08:00", "홍길동 기자 hong@x.kr".
BYLINE_NAME = re.compile(rf"(?<![가-힣])(?P<name>{NAME})\s?{ROLE}(?![가-힣])")
BYLINE_LINE = re.compile(
    rf"^[\[(]?\s*(?:(?P<pre>[^\s=\[\]()|]{{2,20}})\s*[=|·]\s*|(?P<outlet>[^\s=\[\]()|]{{2,12}})\s+(?={NAME}\s?{ROLE}))?"
    rf"(?P<names>{NAME}\s?{ROLE}(?:\s*[,·]\s*{NAME}\s?{ROLE})*)\s*[\])]?"
    rf"\s*[(<\[]?\s*(?P<email>{EMAIL})?\s*[)>\]]?\s*(?:[|/·]\s*)?(?P<rest>.*)$"
)
EMAIL_LINE = re.compile(rf"^[(<\[]?\s*{EMAIL}\s*[)>\]]?$")
# "(지디넷코리아=한정호 기자)본문…", "[서울=뉴시스]홍길동 기자 = 본문…", "(서울=연합뉴스) 홍길동 기자 = 본문…".
DATELINE_PREFIX = re.compile(
    rf"^[(\[]\s*(?P<a>[^=()\[\]]{{1,20}}?)\s*=\s*(?P<b>[^=()\[\]]{{1,20}}?)\s*[)\]]\s*"
    rf"(?:(?P<name>{NAME})\s?{ROLE}\s*=\s*)?"
)
# A byline glued to the end of the last sentence: "…사들이고 있다.김영욱기자 wook95@dt.co.kr".
GLUED_BYLINE = re.compile(
    rf"(?<=[.!?\"”’])\s*(?:/\s*)?(?P<name>{NAME})\s?{ROLE}\s*[(<\[]?(?P<email>{EMAIL})?[)>\]]?\s*$"
)
GLUED_EMAIL = re.compile(rf"(?<=[.!?\"”’])\s*[(<\[]?{EMAIL}[)>\]]?\s*$")
# An outlet tag closing the last paragraph: "…관심을 집중하고 있다. [뉴스드림]".
CLOSING_TAG = re.compile(r"(?<=[.!?\"”’])\s*[\[【]\s*(?P<outlet>[^\[\]【】\s][^\[\]【】]{0,14}?)\s*[\]】]\s*$")

# Photo credits that close a caption: "사진 임지선 기자", "(사진=클립아트코리아)", "/연합뉴스", "[사진=AFP]".
CREDIT = re.compile(
    r"\s*(?P<credit>[(\[]\s*(?:사진|그래픽|자료|이미지|출처|영상)\s*[=:·]\s*[^()\[\]]{1,40}[)\]]"
    rf"|(?:사진|그래픽|자료사진)\s+{NAME}\s?(?:{ROLE}|작가)?"
    r"|(?:사진|그래픽|자료)\s*[=:]\s*[^\s].{0,30}"
    r"|/\s*(?:연합뉴스|뉴시스|뉴스1|로이터|AFP|AP|EPA|게티이미지(?:뱅크|코리아)?|클립아트코리아|셔터스톡|[가-힣A-Za-z]{1,15}\s?(?:제공|DB))"
    r"|(?:ⓒ|©)\s*[^\s].{0,30})\s*$"
)

# Section heading markers: "◆美 AI 칩…", "■ 제목", "▶ 소제목".
HEADING_MARK = re.compile(r"^[◆◇■□▶▷●○▲△◈※]\s*(?P<text>\S.*)$")

# Outlet names that end this way name a publisher rather than a place (for "(X=홍길동 기자)").
OUTLET_SUFFIX = re.compile(r"(?:뉴스|일보|신문|코리아|타임스|타임즈|방송|통신|경제|투데이|데일리|미디어|저널|포스트|넷|TV|tv|닷컴)$")

# News outlets a report may rely on, as Korean reports write them; one outlet a line:
# its display form first, then other spellings and abbreviations.
NEWS_OUTLETS = (
    ("디인포메이션", "더 인포메이션", "The Information"),
    ("월스트리트저널", "월스트리트 저널", "월가저널", "WSJ", "Wall Street Journal"),
    ("파이낸셜타임스", "파이낸셜타임즈", "파이낸셜 타임스", "FT", "Financial Times"),
    ("로이터", "로이터통신", "로이터 통신", "Reuters"),
    ("블룸버그", "블룸버그통신", "Bloomberg"),
    ("뉴욕타임스", "뉴욕타임즈", "NYT", "New York Times"),
    ("워싱턴포스트", "WP", "Washington Post"),
    ("코인텔레그래프", "Cointelegraph"),
    ("사우스차이나모닝포스트", "SCMP"),
    ("닛케이", "니혼게이자이신문", "닛케이아시아", "Nikkei"),
    ("CNBC",), ("CNN",), ("BBC",), ("AP통신", "AP"), ("AFP통신", "AFP"), ("신화통신", "신화사"),
    ("이코노미스트", "The Economist"), ("악시오스", "Axios"), ("테크크런치", "TechCrunch"),
    ("더버지", "The Verge"), ("포브스", "Forbes"), ("가디언", "Guardian"), ("연합뉴스",),
    ("글로벌타임스", "환구시보"), ("차이신", "Caixin"), ("디지타임스", "DigiTimes"),
)
# Words that show a sentence relies on an outlet ("…에 따르면", "…을 인용해", "…보도했다").
CITING_CUE = re.compile(r"따르면|인용|보도|전했|밝혔|소개했|보고서|분석했|지적했|보냈|내놓은")
