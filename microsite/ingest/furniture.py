"""What page furniture looks like in news captures, Korean and English: patterns, no logic.

Each pattern names one kind of furniture seen on news sites, portals, press releases and
research briefs. The normalizer decides what to do with a line; this module only says what
a line looks like. Add a pattern here when a new site brings new furniture. A pattern that
could also match a sentence of an article is anchored at both ends and needs a cue that a
sentence would not carry (a symbol, a year, a sign-up verb): dropping a real sentence is
worse than keeping a line of furniture, and ``tests/test_normalize.py`` holds ordinary
sentences that must survive.
"""
from __future__ import annotations

import re

# Reporter roles that make a name a byline.
ROLE = r"(?:기자|특파원|선임기자|수석기자|전문기자|객원기자|인턴기자|논설위원|편집위원|통신원|리포터|칼럼니스트)"
NAME = r"[가-힣]{2,4}"
# Words that stand where a name would and are not one: roles, stamp labels, "기사" of "기자의 다른 기사".
_NOT_NAME = rf"(?:{ROLE}|입력|수정|등록|게재|송고|승인|작성일?|발행일?|지면|기사|모음|사진|영상|제공)"
_PERSON = rf"(?!{_NOT_NAME}(?![가-힣])){NAME}(?:(?![가-힣])|(?=\s?{ROLE}))"  # a name, not a role word standing alone
# Several reporters: "홍길동·김철수 기자", "이윤정 특파원 홍길동 기자", "홍길동 김철수 기자".
NAMES = rf"{_PERSON}(?:\s?{ROLE})?(?:(?:\s*[·,]\s*|\s+){_PERSON}(?:\s?{ROLE})?)*"
EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
SENTENCE_END = re.compile(r"[.!?。…][\"'”’)\]」』]*$")
UNPUNCTUATED_KOREAN_END = re.compile(r"(?:했|됐|였|겠|있|없|된|한|이)다$")  # "…밝혔다" with its period lost (never a quote's end)

# Dates as portals print them: 2024.07.18, 2024.07.18., 2025. 3. 14., 2024-07-18, 2024년 7월 18일, optional time.
DATE = r"(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*[일.]?"
DATE_UNNAMED = re.sub(r"\?P<\w>", "?:", DATE)
TIME = r"(?:\s*\(?(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?\)?)?"
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# Lines that begin the trailer: everything from here on is portal material, not the article.
TRAILER_START = re.compile(
    r"^(?:번호\s+제목\s+글쓴이|관련\s?(?:자료|기사|뉴스)(?:\s|$)|(?:이전|다음)\s?(?:기사|글)(?:\s|$)"
    r"|많이\s?본\s?(?:뉴스|기사)|인기\s?(?:뉴스|기사)|주요\s?뉴스$|추천\s?기사|이\s?시각\s?(?:주요|인기)"
    r"|(?:함께|같이)\s?(?:보면|볼만한)|댓글\s?\d+(?:\s|$)|등록된 댓글이 없습니다|※?\s*['‘]?당신의 제보가 뉴스가 됩니다"
    r"|기자\s?프로필$)"
)

# Rights notices. They open with the mark, or are a short notice that forbids copying:
# "Copyright © 문화일보. 무단전재 및 재배포 금지.", "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>".
RIGHTS = re.compile(
    r"^[\[<‹(]?\s*(?:copyright\b(?=.*(?:ⓒ|©|Ⓒ|\(c\)|\b(?:19|20)\d{2}\b|all rights|무단|\bby\b))|ⓒ|©|Ⓒ"
    r"|\(c\)(?=.{0,60}(?:\b(?:19|20)\d{2}\b|rights|reserved|무단))|저작권자\s*[ⓒ©Ⓒ(])"
    r"|^[^.]{0,30}무단\s?(?:전재|복제|배포)[^.]{0,30}금지[.>\]]?$", re.I)
RIGHTS_OWNER = re.compile(
    r"(?:copyright\s*(?:ⓒ|©|Ⓒ|\(c\))?|저작권자\s*(?:ⓒ|©|Ⓒ|\(c\))?|ⓒ|©|Ⓒ|\(c\))\s*(?:since\s*\d{4}\s*,?\s*)?"
    r"(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?:㈜|\(주\)|주식회사\s)?\s*"
    r"(?P<owner>[^.,:<>\[\]()|&‹›]+?)\s*(?:[.,:<>\[\]()|&‹›]|무단|all rights|$)",
    re.I,
)

# An aggregator's numbered listing row: "45907 [영상]… 랭크뉴스 2024.08.30".
LISTING_ROW = re.compile(r"^\d{3,}\s+\S.*\s(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?$")

# Portal notices known word for word, however long.
UI_NOTICE = re.compile(
    r"^(?:이 글자크기로 변경됩니다\.?|\(예시\)\s?가장 빠른 뉴스가.*|전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다\.?"
    r"|기사 제목과 주요 문장을 기반으로 자동\s?요약한 결과입니다\..*|읽어주기 기능은 크롬\s?기반의(?:\s?브라우저에서만.*)?"
    r"|브라우저에서만 사용하실 수 있습니다\.?|광고 후 (?:영상|동영상)이 재생됩니다\.?|자동\s?재생 동의 시 .{0,40}재생됩니다\.?"
    # A wire editor's note to subscribers: "(ATTN: ADDS official's remarks in paras 6-7)", "(EDS: …)".
    r"|\((?:ATTN|EDS|CORRECTS|UPDATES|ADDS|RECASTS|REFILES)\b[^()]{0,200}\)"
    # A newsletter's e-mail notices.
    r"|이 (?:메일|이메일)이 (?:잘 )?보이지 않으(?:시면|면) .{0,60}|본 (?:메일|이메일)은 .{0,80}발송(?:됩니다|되었습니다|합니다).{0,120}"
    r"|View (?:this email|it) in your browser\.?|You(?:'re| are) receiving this (?:email|newsletter).{0,160}"
    # A press release's contact line: "이 보도자료와 관련하여 … 연락주시기 바랍니다."
    r"|이 보도자료와 관련하여 .{0,160}바랍니다\.?|<(?:붙임|참고|첨부)>.{0,80})$"
)
# Interface strings of news sites and portals (whole, short lines; see UI_MAX).
UI_MAX = 80
UI_LINE = re.compile(
    r"^(?:메뉴\s?건너뛰기|본문\s?(?:바로가기|건너뛰기)|(?:주|전체)\s?메뉴(?:\s?바로가기)?|상단으로|맨\s?위로|Skip to (?:main )?content"
    r"|(?:본문\s?)?요약\s?봇|기자\s?페이지|기자\s?구독"
    r"|(?:본문\s?)?글(?:자|씨)\s?크기(?:\s?(?:설정|변경|조절|키우기|줄이기))?(?:하기)?"
    r"|가\s?가\s?가(?:\s?가)*|기사\s?(?:제보|문의|구매|저장|스크랩|원문)(?:\s?보기)?|원문\s?보기|(?:더|자세히)\s?보기|광고|AD"
    r"|(?:네이버|다음)(?:\s?뉴스)?(?:에서|스탠드에서)?\s?(?:[가-힣A-Za-z]+\s?){0,3}구독(?:하기|하세요|해\s?(?:주세요|보세요))?[.!]?"
    r"|\S{1,15}\s구독|구독(?:\s?하기|\s?신청|자\s?[\d,]+)?|응원\s?수\s?[\d,]+|(?:이\s?)?기사를?\s?(?:추천|공유)(?:합니다|하기)?"
    r"|조회\s?(?:수)?\s?[:：]?\s?[\d,]+|\d+\s?명?\s?(?:이\s?)?(?:읽음|봤어요)|음성(?:으로)?\s?듣기|텍스트 음성 변환 서비스 사용하기"
    r"|로그인(?:한 회원만|하시면|이 필요).*|이 기사는 언론사에서 .{0,20}(?:섹션|분류|카테고리).{0,10}"
    r"|언론사(?:에서|가)\s.{0,30}(?:섹션|분류|선정).{0,15}|해당 언론사(?:가|의|에서)\s.{0,40}(?:선정|분류|채널|구독).{0,15}"
    r"|[▶▷►]\s?관련\s?(?:기사|뉴스).*|\[(?:카카오톡|전화|메일|이메일|홈페이지|유튜브)\].*|\(끝\)|<끝>|\(END\)|-\s?끝\s?-"
    r"|(?:네이버|NAVER|다음|Daum)\s?뉴스|.{1,12}의 구독 많은 기자를 구독해보세요!?)$"
)

# Words of share, comment and reaction widgets; a line made only of these (and counts) is a widget.
WIDGET_WORDS = frozenset(
    "공유 공유하기 댓글 댓글쓰기 좋아요 싫어요 추천 추천하기 스크랩 인쇄 인쇄하기 프린트 프린트하기 구독 목록 닫기 "
    "페이스북 트위터 엑스 카카오톡 카카오스토리 카카오 밴드 네이버 블로그 링크 URL 복사 링크복사 URL복사 "
    "주소복사 메일 이메일 SNS 보내기 퍼가기 번역 설정 펼치기 접기 더보기 훈훈해요 슬퍼요 화나요 후속 후속기사 "
    "원해요 좋아요! 응원해요 응원하기 놀랐어요 궁금해요 기사 반응 쏠쏠정보 흥미진진 공감백배 분석탁월 후속강추 가 이 "
    "글자 크기 글자크기 조절 작게 크게 보통 작성일 수정일 입력 수정 조회 조회수 타임톡 TALK Share Facebook Twitter Kakao Print"
    .split()
)

# A research report's credits: "연구책임자 박서연", "공동연구원: 김도윤·이하준", "집필 홍길동".
RESEARCHER = r"(?:선임\s?)?(?:연구\s?위원|연구원|책임\s?연구원|전문\s?연구원|연구관|연구사|박사)"
RESEARCH_CREDIT = re.compile(
    rf"^(?:연구\s?책임자|책임\s?연구원|공동\s?연구원|연구\s?위원|연구진|집필(?:자)?|저자|작성자|글|필자)\s*[:：]?\s*"
    rf"(?P<names>{NAME}(?:\s?{RESEARCHER})?(?:\s*[·,]\s*{NAME}(?:\s?{RESEARCHER})?)*+)(?:\s*\([^()]{{1,30}}\))?$")
# An outside writer's line: "윤재석 한결대 경제학과 교수" (an opinion column's author; no 기자).
CONTRIBUTOR = re.compile(rf"^(?P<name>{NAME})\s+(?:[가-힣A-Za-z·]+\s){{1,3}}(?:교수|명예교수|연구위원|선임연구위원|변호사|회계사|"
                         r"소장|원장|전문위원|칼럼니스트|작가|박사|평론가)$")
# Broadcast transcript markers: "[앵커]", "◀ 앵커 ▶", "<리포트>", "【기자】".
BROADCAST_MARKER = re.compile(
    r"^[\[<◀【(]\s*(?:앵커|기자|리포트|인터뷰|녹취|스탠드업|앵커\s?멘트|리포터|클로징|현장음|싱크|자막|브릿지|CG)"
    r"\s*[\]>▶】)]\s*"
)
# Broadcast production credits: "촬영기자 : 이영수", "촬영기자:김철수/영상편집:이영희/그래픽:박민수".
PRODUCTION_CREDITS = re.compile(
    r"^[(\[]?(?:(?:촬영\s?기자|영상\s?편집|영상\s?취재|영상\s?디자인|디자인|그래픽|촬영|편집|자막뉴스|CG)\s*[:：]\s*[가-힣·]{2,12}"
    r"\s*[,/]?\s*)++[)\]]?$")
# A broadcast reporter signing off: "KBS 뉴스 이서연입니다." (furniture), "지금까지 워싱턴에서 YTN 홍길동입니다." (a sentence).
SIGN_OFF = re.compile(rf"^(?P<lead>지금까지 .{{1,20}}에서 )?(?:[A-Z]{{2,5}}(?:\s?뉴스)?|[가-힣]{{1,6}}\s?뉴스)\s?(?P<name>{NAME})"
                      r"(?:입니다|였습니다)\.$")

# Timestamps: "입력 2024.07.18 08:00", "수정 2024-07-18", "기사입력 2024.07.18. 오전 8:00", "작성일 11-28".
STAMP_LABEL = (r"(?:입력|수정|등록|게재|송고|승인|기사\s?입력|기사\s?전송|최종\s?수정|업데이트|작성일|작성|발행일|발행|날짜|지면"
               r"|배포\s?일시)")
UPDATE_LABELS = ("수정", "최종", "업데이트", "승인", "지면")
STAMP = re.compile(rf"{STAMP_LABEL}\s*[:：]?\s*(?:{DATE}|(?P<pm>\d{{1,2}})[.\-/](?P<pd>\d{{1,2}})(?!\d)){TIME}")
# A page number alone on a line: "3", "Page 2 of 7", "- 1 -", "2 / 7".
PAGE_NUMBER = re.compile(r"^(?:\d{1,3}|Page \d{1,3} of \d{1,3}|- ?\d{1,3} ?-|\d{1,3} ?/ ?\d{1,3})$")
# A print-edition page: "(2면)", "3면", "[A10면]".
_PAGE_REF = r"\s*[(\[]?[A-D]?\d{1,3}면[)\]]?"
STAMP_ONLY_LINE = re.compile(
    rf"^(?:\s*[|·/]?\s*{STAMP_LABEL}\s*[:：]?\s*(?:{DATE_UNNAMED}|\d{{1,2}}[.\-/]\d{{1,2}}){TIME}\.?(?:{_PAGE_REF})?)++"
    rf"(?:\s*{DATE_UNNAMED}{_PAGE_REF})?(?:\s*기사\s?원문)?\s*[|·/]?\s*$"
)
# A date and time alone on a line, no label: "2025.08.06. 오후 1:42".
BARE_STAMP = re.compile(rf"^{DATE}{TIME}\.?$")
# A portal header glued after the headline: "<headline> 작성일 11-28 42 목록".
GLUED_STAMP = re.compile(rf"\s+(?=(?:{STAMP_LABEL})\s*[:：]?\s*(?:\d{{4}}[.\-/]|\d{{1,2}}[.\-/]\d{{1,2}})).*$")

# Bylines. "워싱턴=김남석 특파원 namdol@munhwa.com", "[홍길동 기자]", "한정호 기자(jhh@zdnet.co.kr)",
# "한겨레 | 임지선 기자 | 2024-07-18 08:00", "홍길동 기자 hong@x.kr", "홍길동·김철수 기자".
BYLINE_LINE = re.compile(
    rf"^[\[(]?\s*(?:(?P<pre>[^\s=\[\]()|]{{2,20}})\s*[=|·]\s*|(?P<outlet>[^\s=\[\]()|]{{2,12}})\s+(?={_PERSON}))?"
    rf"(?P<names>{NAMES})\s*[\])]?"
    rf"\s*[(<\[]?\s*(?P<email>{EMAIL})?\s*[)>\]]?\s*(?:[|/·]\s*)?(?P<rest>.*)$"
)
# "YTN 홍길동 (hong@ytn.co.kr)": an outlet, a name and an e-mail address, no role.
OUTLET_NAME_EMAIL = re.compile(rf"^(?P<outlet>[A-Za-z가-힣]{{2,10}})\s(?P<name>{_PERSON})\s*[(<\[]?{EMAIL}[)>\]]?$")
EN_BYLINE = re.compile(rf"^By\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){{1,3}})(?:\s*[(<]?{EMAIL}[)>]?)?$")
EMAIL_LINE = re.compile(rf"^[(<\[]?\s*{EMAIL}\s*[)>\]]?$")
# "(지디넷코리아=한정호 기자)본문…", "[서울=뉴시스]홍길동·김철수 기자 = 본문…", "(베이징·서울=연합뉴스) 이윤정 특파원 홍길동 기자 = 본문…".
DATELINE_PREFIX = re.compile(
    rf"^[(\[]\s*(?P<a>[^=()\[\]]{{1,20}}?)\s*=\s*(?P<b>[^=()\[\]]{{1,30}}?)\s*[)\]]\s*"
    rf"(?:(?P<names>{NAMES})\s*=\s*)?"
)
# English wire datelines: "SEOUL, May 2 (Yonhap) -- ".
EN_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .]{1,30}), (?P<mon>[A-Z][a-z]{2})[a-z]*\.? (?P<d>\d{1,2}) "
                         r"\((?P<outlet>[A-Za-z .]{2,30})\) --?\s*")
# A byline glued to the end of the last sentence: "…사들이고 있다.김영욱기자 wook95@dt.co.kr",
# "…밝혔다.베이징=이윤정 특파원 yjlee@yna.co.kr", "…이다./홍길동 기자".
GLUED_BYLINE = re.compile(
    rf"(?<=[.!?\"”’])\s*(?:/\s*)?(?:[가-힣]{{2,8}}=)?(?P<names>{NAME}(?:\s*[·,]\s*{NAME})*)\s?{ROLE}"
    rf"\s*[(<\[]?(?P<email>{EMAIL})?[)>\]]?\s*$"
)
# A footnote number after a sentence: "…from the customer.1", "…것으로 파악된다.3)".
FOOTNOTE_MARK = re.compile(r"(?:(?<=[^\d\s][.!?])|(?<=[.!?][\"”’]))\d{1,2}\)?$")
GLUED_EMAIL = re.compile(rf"(?<=[.!?\"”’])\s*[(<\[]?{EMAIL}[)>\]]?\s*$")
# An outlet tag closing the last paragraph: "…관심을 집중하고 있다. [뉴스드림]".
CLOSING_TAG = re.compile(r"(?<=[.!?\"”’])\s*[\[【]\s*(?P<outlet>(?=[^\[\]【】]*[가-힣A-Za-z])[^\[\]【】\s][^\[\]【】]{0,14}?)\s*[\]】]\s*$")

# Photo credits that close a caption: "사진 임지선 기자", "(사진=클립아트코리아)", "/연합뉴스", "[연합뉴스 자료사진]".
CREDIT = re.compile(
    r"\s*(?P<credit>[(\[]\s*(?:사진|그래픽|자료|이미지|출처|영상)\s*[=:·]\s*[^()\[\]]{1,40}[)\]]"
    r"|\[[^\[\]]{0,20}(?:자료\s?사진|사진|제공)\]"
    rf"|(?:사진|그래픽|자료사진)\s+{NAME}\s?(?:{ROLE}|작가)|프리랜서\s+{NAME}"
    r"|(?:사진|그래픽|자료)\s*[=:]\s*[^\s].{0,30}"
    r"|/\s*(?:연합뉴스|뉴시스|뉴스1|로이터|AFP|AP|EPA|게티이미지(?:뱅크|코리아)?|클립아트코리아|셔터스톡|[가-힣A-Za-z]{1,15}\s?(?:제공|DB))"
    r"|\*?\s?재판매\s?및\s?DB\s?금지|(?:ⓒ|©)\s*[^\s].{0,30}"
    r"|(?<=[.!?] )[가-힣A-Za-z·]{2,20}\s?제공"  # "…드러나 있다. 남극해관측네트워크 제공"
    r"|(?<=[.!?] )(?:연합뉴스|뉴시스|뉴스1|로이터|AFP|AP|EPA|게티이미지(?:뱅크|코리아)?|Getty Images)"
    # English: "REUTERS/Lee Jae-won/File Photo", "(PHOTO NOT FOR SALE) (Yonhap)", "Photograph: A B/Reuters".
    r"|(?:REUTERS|AFP|AP|EPA|XINHUA|KYODO|YONHAP|BLOOMBERG)/[A-Z][\w .'-]{1,40}(?:/File Photo)?"
    r"(?:\s+Purchase Licensing Rights(?:, opens new tab)?)?"
    r"|(?:\(PHOTO NOT FOR SALE\)\s*)?\((?:Yonhap|AP|AFP|EPA|Reuters|Xinhua|Kyodo|Getty Images)\)"
    r"|\((?:AP Photo|[A-Z][\w .'-]{1,30})/[A-Z][\w .,'-]{1,40}\)"  # "(AP Photo/Kendra Boateng, File)", "(Baek So-ah/The Hankyoreh)"
    r"|(?:Photograph|Photo|Image|Illustration|Credit):\s[^.]{2,60}|Credit\.{3}\s?[^.]{2,60})\s*$"
)

# A wire photo's caption opens like a wire story and closes with the photo's date, agency and
# address: "(부산=뉴스1) 박준혁 기자 = … 2025.9.4/뉴스1", "[서울=뉴시스] … 2025.09.04. photo@newsis.com".
WIRE_PHOTO_OPENING = re.compile(rf"^[(\[][^=()\[\]]{{1,20}}=[^=()\[\]]{{1,20}}[)\]]\s*(?:{NAMES}\s*=\s*)?")
WIRE_PHOTO_STAMP = re.compile(rf"\s*(?:19|20)\d{{2}}[./]\d{{1,2}}[./]\d{{1,2}}\.?(?:\s*/\s*[^\s/]+)?(?:\s*{EMAIL})?$")
# Notes after the article: a section's label (about the authors, about the company, a press
# release's statements and contacts), a note that opens with what the author
# does ("Washington-based correspondent covering …"), or one that opens with an author's name
# and such a verb ("Choi Yun-ha covers …", "박서연 연구위원은 …").
CLOSING_SECTION = re.compile(r"^(?:About the authors?|Author biograph(?:y|ies)|(?:저자|필자|기자|연구진|회사)\s?소개"
                           r"|About [A-Z][\w&.,’' -]{1,60}|Forward-Looking Statements|(?:Media|Press) [Cc]ontacts?:?)$")
AUTHOR_NOTE = re.compile(r"^(?:[A-Z][\w.-]+-based |Senior |Chief )?(?:correspondent|reporter|editor|columnist|writer) "
                         r"(?:covering|based|for|who)\b")
AUTHOR_NOTE_VERB = re.compile(rf"^(?:is (?:a|an|the)\b|covers|writes (?:about|on|for)|reports on"
                              rf"|(?:{ROLE}|연구위원|선임연구위원)\s?[은는]\s)")
# A table of contents: its label, and entries that end in a dot leader and a page number.
TOC_LINE = re.compile(r"^(?:(?:이번 호 )?목\s?차|차\s?례|Contents|Table of [Cc]ontents|In this (?:issue|brief))$"
                      r"|^.{1,80}?\s*[.·…‥․⋯]{4,}\s*\d{1,3}$")
# What a table's source line opens with: it stays with the table, never a photo credit.
TABLE_SOURCE = re.compile(r"^(?:Source|Sources|자료|출처)\s*[:：]")
# A deck line set between dashes, as Korean reports and press releases print it: "- 부제 -".
DASHED_DECK = re.compile(r"^[-–―]\s*(?P<text>\S.{2,120}?)\s*[-–―]$")
# A header's key and value, on a board post or an e-mail: "제목\t…", "작성일 2025-03-18",
# "보낸날짜 : 2025년 7월 15일 …", "Subject: …". The title key names the headline; date keys date it.
KEY_VALUE = re.compile(r"^(?P<key>제\s?목|작성자|작성일|등록일|조회\s?수?|보낸\s?사람|받는\s?사람|보낸\s?날짜|From|To|Date|Sent|Subject)"
                       r"\s*(?:[:：]|\s\|\s|\t)\s*(?P<value>\S.*)$")
TITLE_KEYS = ("제목", "제 목", "Subject")
DATE_KEYS = ("작성일", "등록일", "보낸날짜", "보낸 날짜", "Date", "Sent")
SENDER_KEYS = ("보낸사람", "보낸 사람", "From")
# A line that hands the next one a role: "NEWS PROVIDED BY" (the publisher), "Written by" (the author).
INTRODUCER = re.compile(r"^(?:(?P<publisher>(?:NEWS |CONTENT )?PROVIDED BY|PUBLISHED BY)|(?P<author>WRITTEN BY|Words by))$",
                        re.I)
# A reporter's role under their name: "Health correspondent, BBC News", "Senior reporter, The Times".
EN_ROLE_LINE = re.compile(r"^(?:[A-Z][a-z]+ )?(?:[a-z]+ )?(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter|[Jj]ournalist)"
                          r"(?: [a-z]+)?, (?:The )?[A-Z][\w&’' -]{1,40}$")
# "2 hours ago", "5 mins ago", "Yesterday": a stamp that gives no date.
RELATIVE_STAMP = re.compile(r"^(?:\d{1,2} (?:min(?:ute)?s?|hours?|hrs?|days?) ago|Yesterday|Just now|\d{1,2}(?:분|시간|일) 전)$", re.I)
# A picture agency alone on a line, over the caption it credits (a text save of a photo block).
AGENCY_LINE = re.compile(r"^(?:Getty Images|EPA(?:-EFE)?|AFP(?: via Getty Images)?|PA Media|Shutterstock|Alamy"
                         r"|게티이미지(?:뱅크|코리아)?)$")  # not a wire's name alone: that is as often a masthead
# A list's number alone on its line, its text on the next: "1." / "Halvorsen, K. …".
NUMBER_ONLY = re.compile(r"^(?:\d{1,3}[.)]|\[\d{1,3}\])$")
# A journal's history line: "Received 3 Jan 2025; Accepted 2 May 2025; Published 20 May 2025".
_EN_SHORT_DATE = r"\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d{2}"
ARTICLE_HISTORY = re.compile(rf"^(?:(?:Received|Revised|Accepted|Published(?: online)?|First published)\s*:?\s*{_EN_SHORT_DATE}"
                             r"\s*[;,|·]?\s*){2,}+$")
HISTORY_PUBLISHED = re.compile(r"(?:Published(?: online)?|First published)\s*:?\s*(?P<d>\d{1,2}) (?P<mon>[A-Z][a-z]{2})[a-z]*\.? "
                               r"(?P<y>(?:19|20)\d{2})")
# Section heading markers: "◆美 AI 칩…", "■ 제목".
HEADING_MARK = re.compile(r"^[◆◇■□●▲△◈]\s*(?P<text>\S.*)$")  # "○" opens a list item

# Names that end this way name a publisher rather than a place (for "(X=홍길동 기자)", mastheads).
OUTLET_SUFFIX = re.compile(r"(?:뉴스|일보|신문|코리아|타임스|타임즈|방송|통신|경제|투데이|데일리|미디어|저널|포스트|넷|TV|tv|닷컴|뉴스1)$")
# Korean publishers whose names carry none of those endings; a line with one alone is a masthead or signature.
KOREAN_OUTLETS = frozenset(
    "한겨레 한겨레21 경향신문 조선일보 중앙일보 동아일보 한국일보 문화일보 국민일보 서울신문 세계일보 매일경제 한국경제 "
    "머니투데이 이데일리 연합뉴스 뉴시스 뉴스1 KBS MBC SBS YTN JTBC MBN TV조선 채널A 연합뉴스TV 디지털타임스 전자신문 "
    "지디넷코리아 아시아경제 헤럴드경제 파이낸셜뉴스 서울경제 노컷뉴스 오마이뉴스 프레시안 뉴스드림 시사IN 블로터 "
    "아이뉴스24 ZDNet 머니S 뉴스핌 더팩트 데일리안 미디어오늘 코리아헤럴드 코리아타임스 뉴스웨이".split()
)
PORTALS = frozenset({"네이버", "NAVER", "다음", "Daum", "네이트", "줌"})

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
# Words that show a sentence relies on an outlet ("…에 따르면", "…을 인용해", "…보도했다", "according to").
CITING_CUE = re.compile(r"따르면|인용|보도|전했|밝혔|소개했|보고서|분석했|지적했|보냈|내놓은|according to|reported|told|said in")

# English bylines and stamps. "By Choi Yun-ha and Gareth Penrose", "By A, B and C",
# "Hannah Kwon in Seoul and Peter Ashcombe in Washington",
# "Reporting by A in Seoul; Additional reporting by B; Editing by C" (C edited, did not write).
EN_NAME = r"[A-Z][a-z]+(?:(?: [A-Z]|-[A-Za-z])[a-z]+){1,3}"
EN_BYLINE_NAMES = re.compile(rf"^By\s+(?P<names>{EN_NAME}(?:\s*(?:,|\band\b|&)\s*{EN_NAME})*)\s*(?:[,|·].{{0,60}})?$")
_EN_PLACE = r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2}"  # capitalised words only: it never swallows " and B in C"
EN_CORRESPONDENTS = re.compile(rf"^{EN_NAME} in {_EN_PLACE}(?:(?:,| and) {EN_NAME} in {_EN_PLACE})*$")
EN_CREDIT_LINE = re.compile(r"^(?:Reporting|Writing|Additional reporting|Compiled|Photographs|Photos|Video|Graphics|Edited)"
                            r" by .{3,}$")
EN_CREDITED = re.compile(rf"(?:^|;\s*)(?:Reporting|Writing|Additional reporting) by (?P<names>{EN_NAME}(?:\s*(?:,|\band\b)\s*{EN_NAME})*)")
_EN_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "March 5, 2025 9:14 PM GMT+9 Updated 3 hours ago", "Published March 5 2025", "Mar 05, 2025",
# "Wed 5 Mar 2025 09.14 GMT", "Updated 10:42 AM EST, March 6, 2025",
# "Posted on : 2025-11-05 17:21 KST Modified on : …"; an update stamp's date counts only when no other is printed.
_EN_TIME = (r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
            r"(?:\s*(?:GMT|UTC|KST|ET|EST|EDT|BST|CET|PT|PST|PDT)(?:[+-]\d{1,2})?)?")
_EN_UPDATE = r"(?:Updated|Last (?:updated|modified)|Modified)"
EN_DATE_LINE = re.compile(
    rf"^(?:(?P<label>Published|{_EN_UPDATE}|Posted|Created|Date|First published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_EN_TIME}\s*,?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?:{_EN_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})\s+{_EN_MONTH.replace('mon', 'mon2')}\s+(?P<y2>(?:19|20)\d{{2}})"
    r"|(?P<y3>(?:19|20)\d{2})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
    rf"(?:\s*[-–,]?\s*(?:at\s+)?{_EN_TIME})?(?:\s*\|?\s*{_EN_UPDATE}\b.*)?$")
# English interface lines and promos, whole lines.
EN_UI_LINE = re.compile(
    r"^(?:Skip to (?:main )?(?:content|navigation|footer|search)|(?:Open|Close) (?:side )?(?:navigation menu|search bar|menu)"
    r"|Sign [Ii]n|Sign [Uu]p|Register|Subscribe|Log [Ii]n|Share|Save|Print(?: this page)?"
    r"|Gift this article|Cite this \w+|Unlock the Editor’s Digest for free|Add to myFT"
    r"|Share (?:on|to) ?(?:X|Twitter|Facebook|LinkedIn|WhatsApp|Email)|Share this article|Copy link|Reuse this content"
    r"|Purchase Licensing Rights(?:, opens new tab)?|Advertisement(?: · Scroll to continue)?|Report This Ad|Sign up here\."
    r"|Read [Nn]ext|Suggested Topics:?|Most (?:read|viewed|popular)|Related(?: [Aa]rticles| [Ss]tories| [Rr]esearch)?:?"
    r"|Recommended|Comments?|Discussion about this post|Write a comment\.{0,3}|Type your email\.{0,3}|Accept (?:all )?cookies"
    r"|Manage cookies|Download (?:the )?PDF|Ready for more\?|Start writing|Get the app|Listen to (?:this )?article.*"
    r"|Reporting from [A-Z][\w .,'-]{1,50}|(?:Updated|Published) \d{1,2}[:.]\d{2}\s*[ap]\.?m\.?(?: [A-Z]{2,4})?"
    r"|Read [Mm]ore|\d{1,2} of \d{1,2}"
    r"|(?:skip past|after) newsletter promotion|Related: .{1,150}|(?:SKIP )?ADVERTISEMENT|_{3,}|-{3,}|\*{3,}"
    r"|.{1,60} is a reader-supported publication\..{0,160}"
    # A wire's contributors, who did not write it: "Associated Press writer X in Chicago contributed to this report."
    r"|.{0,80}\bcontributed (?:to )?this (?:report|story|article)\."
    # A newsletter's promotion: "… selects her favourite stories in this weekly newsletter."
    r"|(?=.*\b(?:[Ss]ign up|[Ss]ubscribe|inbox|weekly|daily|go-to)\b).{0,80}\b(?:this|our|your)\b.{0,40}\bnewsletter\b.{0,100}"
    r"|.{0,40}\bnewsletter is your\b.{0,140}"
    r"|Our Standards: .{0,80}|Thanks for reading .{1,60}! Subscribe .{0,100}|.{0,40}, opens new tab)$")
# Labels that open a box of links: related, most read, next. Inside the article they open a
# box to skip; after it, the trailer.
BOX_LABEL = re.compile(
    r"^(?:[▶▷►]\s?)?[\[【]?(?:[가-힣A-Za-z0-9]{2,12}\s)?(?:관련\s?(?:자료|기사|뉴스)|많이\s?본\s?(?:뉴스|기사)|인기\s?(?:뉴스|기사)|주요\s?뉴스|추천\s?기사"
    r"|이\s?시각\s?(?:주요|인기)\s?(?:뉴스|기사)?|(?:이\s?)?기자의\s?다른\s?기사|Read [Nn]ext"
    r"|Related(?: [Aa]rticles| [Ss]tories)?|Recommended"
    r"|Most (?:read|viewed|popular)|More from .{1,30}|RELATED (?:COVERAGE|STORIES|ARTICLES)|Related (?:coverage|stories))"
    r"[\]】]?\s*:?$")
# A list bullet or number opening a line: "• ", "- ", "○ ", "1) ", "2. ", "①".
LIST_MARK = re.compile(r"^\s*(?:(?P<bullet>[-•·○◦▪▫●*–▶▷►])|(?P<number>\d{1,2})[.)]|\((?P<paren>\d{1,2})\)"
                       r"|(?P<circled>[①-⑳]))\s+(?P<text>\S.*)$")
# A numbered section heading: "1. 배경", "2.1 Cloud access" (short, not a sentence).
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*\.?)\s+(?P<text>\S.{0,70})$")
# Head lines that are never a headline: a breadcrumb ("HOME > 연구보고서 > 이슈페이퍼",
# "Research / Energy & Infrastructure / Policy Briefs", "사회 > 부산"), a label in capitals
# ("POLICY BRIEF"), a series number ("이슈페이퍼 2025-07", "Issue Brief No. 14"), a reading time.
BREADCRUMB = re.compile(r"^[^>/›»\s][^>/›»]{0,30}(?:\s[>/›»]\s[^>/›»]{1,40}){1,5}$")
CAPS_LABEL = re.compile(r"^(?=.*[A-Z]{2})[A-Z][A-Z0-9&.,'’ -]{2,60}(?:\s*\|.{0,30})?$")
SERIES_LABEL = re.compile(r"^(?:\D{2,30}\sNo\.?\s?\d{1,4}|\D{2,30}\s(?:19|20)\d{2}[-–.]\d{1,2}"
                          r"|.{0,24}(?:Report|Brief|Paper|Note|Series|보고서|페이퍼|브리프|리포트)\s\d{1,4})$")
READING_TIME = re.compile(r"^(?:\d{1,3}\s?(?:min(?:ute)?s?|분)\s?(?:read|읽기|소요)|읽는 데 \d{1,3}분)$", re.I)
# A line of English names alone ("Eleanor Whitcombe and Daniel Osei", "Ines Barragán, Oskar Lindgren").
_EN_PERSON = r"[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,2}?(?:\d{1,2}(?:,\d{1,2})*|\*)?"  # "Mei Tanaka1,3": affiliations
EN_NAMES_ONLY = re.compile(rf"^{_EN_PERSON}(?:\s*(?:,|\band\b|&)\s*{_EN_PERSON}){{0,7}}$")
AFFILIATION_MARK = re.compile(r"(?<=[a-z])(?:\d{1,2}(?:,\d{1,2})*|\*)$")
# What follows a publisher's name in a rights line ("The Financial Times Limited 2025") or a
# site name ("MBC NEWS", "SBS 뉴스"); portals' site names ("네이버 뉴스", "다음뉴스").
OWNER_TAIL = re.compile(r"(?:,?\s+(?:Limited|Ltd\.?|Inc\.?|LLC|Co\.,? Ltd\.?|Corp\.?|Corporation|Company|plc)\b)?"
                        r"\.?(?:\s+(?:19|20)\d{2})?\s*$")
SITE_SUFFIX = re.compile(r"(?<=[A-Z]{2})\s?(?:NEWS|News|뉴스)$")
PORTAL_SITE = re.compile(r"^(?:네이버|다음|네이트|NAVER|Daum|Nate|Yahoo|MSN|Google)\s?(?:뉴스|News)?$", re.I)
