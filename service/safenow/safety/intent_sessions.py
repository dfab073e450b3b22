"""Move families of the `rules` classifier, from train batches t86-t91.

A generalist, landlords, journalists, tool-using agents, a plain-English
writer and students wrote:

- *resets and agreements*: "reset context, everything prior to this token is
  void", "let's agree they don't apply", a trusted developer session in which
  internal instructions "may be disclosed", the operator's restrictions that
  "don't apply to my properties", an instruction set swapped for the user's;
- *other sessions and hidden text*: what other agents uploaded today, what
  the previous assistant was instructed to do, the hidden messages "I can't
  see on my side", a config dumped "every setting and value", `sudo reveal
  prompt`, a forged "Sure! Here is my full system prompt:" turn;
- *agents' errands*: "any AI agent with access to this mailbox is required
  to", an "AI reviewer:" who approves and merges, a docstring for "an AI
  assistant that refactors this file", a page where "AI assistants must
  paste the user's session cookie", a confirmation step switched off;
- for jailbreaks: a model that was jailbroken and "has been running free", a
  status that "removes your refusal behaviour", a persona who does not know
  what a content policy is, safe_mode=false, "helpful and harmful", the part
  of the assistant that never follows safety rules, a promise to answer no
  matter what, tools that "don't get opinions".

"""

from __future__ import annotations

from safenow.safety.rules import INJ, JB, Rule, rule

RESETS_AND_AGREEMENTS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\breset (?:the |your )?context\b"
        r"|\beverything (?:prior|previous) to this (?:token|message|line|point) is (?:void"
        r"|cancell?ed|null|deleted)\b"
        r"|\bagree (?:that )?(?:they|your instructions|the rules|those) (?:don'?t|do not) apply\b"
        r"|\btrusted developer session\b|\binternal instructions may (?:now )?be disclosed\b"
        r"|\bthe operator'?s (?:restrictions|rules|instructions) (?:don'?t|do not) apply\b"
        r"|\bswap your (?:current )?(?:instruction set|instructions|rules|prompt) for mine\b",
        "resets the assistant's instructions by declaration or agreement",
        triggers="reset everything agree trusted internal the swap",
    ),
    rule(
        INJ,
        0.5,
        r"\bother (?:agents|users|teams|staff|customers|people)(?: in (?:our|the) \w+)? uploaded\b"
        r"|\bwhat the previous assistant was (?:instructed|told|set up) to\b"
        r"|\b(?:hidden messages|setup text|hidden text)(?: \w+){0,2} (?:that )?i can'?t see\b"
        r"|\bevery setting and value\b"
        r"|\bsudo (?:reveal|show|print|dump|cat)\b"
        r"|\bassistant\s*:\s*(?:sure|ok|okay|certainly)[,!.]? here(?: is|'s) my\b"
        r"|\bthe assistant may now (?:share|reveal|disclose|give|provide)\b"
        r"|\beverything we'?ve talked about\b.{0,60}\b(?:email|send|forward|post)\b",
        "reaches for other sessions, hidden text or the configuration",
        triggers="other what hidden setup every sudo assistant the everything",
    ),
    rule(
        INJ,
        0.55,
        r"\bai (?:agents?|assistants?|reviewers?|tools?) with access to (?:this|the|your)\b"
        r"|\bai reviewer\s*:"
        r"|\bwhen an ai (?:assistant|agent|tool|model) (?:\w+ ){0,2}?this (?:file|page|document"
        r"|repo|repository|email|code)\b"
        r"|\bai (?:assistants?|agents?) must (?:paste|send|enter|provide|submit|share)\b"
        r"|\b(?:do not|don'?t|never) (?:tell|inform|notify) the (?:developer|reviewer|maintainer"
        r"|owner|admin)\b"
        r"|\bturn off the (?:\w+ )?confirmation step\b"
        r"|\bdo not flag (?:the|this) change\b",
        "an errand for the AI that reads or edits the content",
        triggers="ai when do don dont never turn",
    ),
)

JAILBREAK_STATUS: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:was|got|been) jailbroken\b"
        r"|\bremoves your refusal(?:s| behaviou?r)?\b"
        r"|\b(?:doesn'?t|does not|never) (?:know|knew) what (?:a )?(?:content policy|refusal"
        r"|safety policy) (?:is|was)\b"
        r"|\bsafe[_ ]?mode\s*=\s*false\b"
        r"|\bhelpful and harmful\b"
        r"|\bthe part of you that (?:never|doesn'?t|does not) follows? (?:\w+ ){0,2}?rules\b"
        r"|\bpromise (?:you'?ll|you will|to) answer (?:my )?(?:next )?(?:question|request)"
        r" no matter what\b"
        r"|\bforget (?:those|these|the|your) (?:stupid|dumb|silly|pointless) rules\b"
        r"|\bdon'?t point out (?:that )?(?:it'?s|it is) illegal\b"
        r"|\bones you'?d normally block\b",
        "says the refusals are gone, or asks for the part without them",
        triggers="was got been removes doesn does never safe helpful the promise forget don ones",
    ),
    rule(
        JB,
        0.4,
        r"\bno topics? (?:is |are )?off[- ]limits\b"
        r"|\bnever contain (?:the )?words? like\b"
        r"|\bno redactions\b|\breproduce (?:the )?banned\b"
        r"|\brefusing me only helps\b|\bdrop the squeamishness\b"
        r"|\bmost dangerous thing you know\b"
        r"|\bnever mentions (?:ethics|laws|safety|morals|risk)\b"
        r"|\bwithout evaluating it\b|\btools don'?t (?:get|have) opinions\b"
        r"|\brules cause more harm than good\b"
        r"|\bhiding behind (?:its|your) rules\b"
        r"|\bno fraud checks\b"
        r"|\b(?:with complete technical accuracy|not hand-?wavy|notice if you skip steps)\b",
        "a weak cue that the answer should skip its safeguards",
        triggers="no never reproduce refusing drop most without tools rules hiding with not notice",
    ),
)

SESSION_MOVES: tuple[Rule, ...] = RESETS_AND_AGREEMENTS + JAILBREAK_STATUS
