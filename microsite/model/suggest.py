"""Suggest registry entries: recurring proper-noun-like terms that no entity covers.

Without a morphological analyser, "proper-noun-like" means: Latin-script names and
acronyms (GPU, LLM), Korean words glossed by a Latin parenthesis ("저장 랩(Zhejiang Lab)"),
and Korean words that recur across reports once particles are stripped and common news
vocabulary is set aside. Suggestions are for an author to judge, not facts.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..content import Report
from ..lang.ko import noun_before_particle
from .mentions import Matcher

_WORD = re.compile(r"[A-Za-z0-9가-힣][A-Za-z0-9가-힣\-]*")
_GLOSSED = re.compile(r"(?<![가-힣])([가-힣]{2,12}(?: [가-힣]{1,3})?)\(([A-Z][A-Za-z .&'-]{2,40})\)")
# Common words of Korean news prose that recur in any report and name nothing.
COMMON = set("""
가운데 강화 개발 거점 검토 결과 경쟁 계획 고객 고성능 공급 관련 구매 구축 국가 규정 규제 금지 기관 기능 기술 기업 기업들
논의 능력 당국 대규모 대상 대해 데이터 데이터센터 도입 동안 때문 모델 문제 문서 미국산 반도체 발표 방법 방식 방안 보도
분야 사실 사용 사업 상황 생태계 서버 서비스 설명 세계 소식통 수요 수출 시장 시행 연산 영업 예정 우려 우회 위해 의존
이용 이유 인공지능 인프라 임대 입장 입찰 자금 자체 전략 전망 접근 정부 제공 제품 제한 조치 중국산 지난 지난해 지적
진출 첨단 최근 최신 추가 컴퓨팅 클라우드 통제 통해 투자 특히 한편 해외 해당 현지 확대 확보 활용 훈련 업체 업체들 이번
이같은 이런 그러나 또한 다만 하지만 지난달 올해 현재 이미 관계자 대변인 발언 회담 방문 방중 국내 국외 대중국 대중 칩들
이같 수밖 외에 적극적 환경 속도 정책 빅테크 경쟁력 기반 분석 매체 대량 사실상 새로운 생성형 입찰 서류
""".split())


@dataclass(frozen=True)
class Suggestion:
    term: str
    reports: int
    count: int
    why: str


def plain_body(report: Report) -> str:
    text = re.sub(r"^:::.*$", "", report.body, flags=re.M)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return re.sub(r"\\(.)", r"\1", text)


def suggest(reports: tuple[Report, ...], matcher: Matcher, minimum_reports: int = 2) -> list[Suggestion]:
    seen: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    why: dict[str, str] = {}
    for report in reports:
        text = plain_body(report)
        covered = [(m.start, m.end) for m in matcher.find(text)]
        for match in _GLOSSED.finditer(text):
            term = match.group(1).strip()
            if not _overlaps(match.start(1), match.end(1), covered):
                seen[term].add(report.slug)
                counts[term] += 1
                why.setdefault(term, f"glossed as {match.group(2)}")
        for match in _WORD.finditer(text):
            if _overlaps(match.start(), match.end(), covered):
                continue
            word = match.group(0)
            if re.search("[A-Za-z]", word):
                if not re.search("[A-Z]", word) or len(word) < 2:
                    continue
                term, reason = re.sub("[가-힣]+$", "", word), "Latin-script name"
            else:
                term, reason = noun_before_particle(word), "recurring Korean noun"
                if not term or term in COMMON or re.search(r"\d", term):
                    continue
            seen[term].add(report.slug)
            counts[term] += 1
            why.setdefault(term, reason)
    found = [Suggestion(term, len(slugs), counts[term], why[term]) for term, slugs in seen.items() if len(slugs) >= minimum_reports]
    return sorted(found, key=lambda s: (-s.reports, -s.count, s.term))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
