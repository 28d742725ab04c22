"""Advertising copy is not a claim: "20% off with code SPRING20", "Save $50 at checkout, limited time only".

`is_advertising(sentence)` weighs the cues of shopping copy (a promo/coupon code, a discount "off",
checkout and shipping words, calls to buy or subscribe) and says yes when at least two weigh in,
so a news sentence that merely states a price ("It costs $448", "shares fell 20% off their peak")
stays a claim. A code that readers type in ("use code X", "promo code") weighs two on its own.
"""

from __future__ import annotations

import re

# (pattern, weight)
_CUES = (
    # a code to type in: "use code SAVE20", "with promo code X", "coupon code", "voucher code"
    (re.compile(r"\b(?:promo(?:tional)?|coupon|voucher|discount|offer|referral|redemption)\s+codes?\b", re.I), 2),
    (re.compile(r"\b(?:use|enter|apply|with|using|redeem)\s+(?:the\s+)?(?:code|coupon)\s+[\"“']?[A-Z0-9][A-Z0-9_-]{2,}\b"), 2),
    (re.compile(r"\bcode\s+[\"“']?[A-Z][A-Z0-9]*\d[A-Z0-9]*\b"), 2),  # "code SPRING20"
    # a discount off a price: "20% off", "$50 off", "save 30%", "half price"
    (re.compile(r"(?:\d\s?%|[$£€¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:percent|per cent|dollars|pounds|euros))\s+off\b(?!\s+(?:its|their|the|a|from)\s+(?:peak|high|low|record|lows?|highs?))", re.I), 1),
    (re.compile(r"\b(?:save|saving|savings of)\s+(?:up\s+to\s+|an?\s+(?:extra|additional)\s+)?(?:[$£€¥]\s?\d|\d[\d.,]*\s?%)", re.I), 1),
    (re.compile(r"\b(?:half[- ]price|buy one,? get one|bogo|cashback|cash back|free shipping|free delivery|free trial)\b", re.I), 1),
    # shopping and calls to act
    (re.compile(r"\b(?:at checkout|at the checkout|sitewide|site-wide|in your (?:cart|basket)|add to (?:cart|basket))\b", re.I), 1),
    (re.compile(r"\b(?:shop|buy|order|subscribe|sign up|book|grab|claim) (?:now|today|here|yours)\b", re.I), 1),
    (re.compile(r"\b(?:limited[- ]time|while (?:supplies|stocks) last|offer ends|deal ends|sale ends|ends (?:tonight|soon|midnight)|"
                r"for a limited time|exclusive (?:offer|deal)|terms (?:and conditions )?apply|t&cs apply)\b", re.I), 1),
    (re.compile(r"\b(?:deals?|discount|coupon|voucher|promo|sale price|regular price|list price|rrp|msrp)\b", re.I), 0.5),
)
THRESHOLD = 2.0


def advertising_score(sentence: str) -> float:
    return sum(weight for pattern, weight in _CUES if pattern.search(sentence))


def is_advertising(sentence: str) -> bool:
    """The sentence is shopping copy (a code, a discount, a call to buy), not a statement of fact."""
    if not sentence or not re.search(r"\d|\bhalf\b", sentence):
        return False
    return advertising_score(sentence) >= THRESHOLD
