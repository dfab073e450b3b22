"""Disallowed topics from a configurable list (`SAFETY_DISALLOWED_TOPICS`).

Built-in topics are weighted rule sets that look for a *request for harmful
capability*, not for the subject: "how do I synthesize sarin" is caught while
"the history of chemical weapons treaties" is not. An entry of the form
``name=phrase one|phrase two`` adds a custom topic whose phrases each block on
their own (matched on the folded text, word by word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safenow.safety.chunks import windows_of
from safenow.safety.classifier import Thresholds
from safenow.safety.normalize import Normalized, fold
from safenow.safety.rules import BENIGN_CONTEXT, Rule, evaluate_by_category, near, rule
from safenow.safety.verdict import Action, Verdict

_WMD = "weapons_of_mass_destruction"
_AGENTS = (
    r"sarin|tabun|soman|vx|novichok|nerve agents?|nerve gas|mustard gas|phosgene|ricin|abrin"
    r"|anthrax(?: spores)?|botulinum(?: toxin)?|smallpox|chemical weapons?|chemical warfare agents?"
    r"|biological weapons?|bio-?weapons?|dirty bomb|radiological (?:weapon|device|bomb)"
    r"|nuclear (?:device|bomb|weapon)|atomic bomb|weapons?[- ]grade|uranium|plutonium"
    r"|cesium-?137|cobalt-?60|radioactive material"
)
_PRODUCE = (
    r"synthesi[sz]e|synthesis|make|produce|manufacture|build|create|brew|culture|grow"
    r"|weaponi[sz]e|aerosoli[sz]e|enrich|recipe|precursors?|step-by-step|step by step"
    r"|instructions|procedure|design|obtain|get|buy|acquire|steal|spread|disperse|release"
    r"|contaminate|quantities"
)
_SELF_HARM = "self_harm_instructions"
_METHOD = (
    r"how|best way|easiest way|quickest way|fastest way|painless way|most painless|method"
    r"|methods|ways|tell me|give me|which|how many|how much|enough|plan|tips"
)
_SELF_HARM_ACTS = (
    r"kill myself|end my life|take my (?:own )?life|commit suicide|hang myself|hurt myself"
    r"|cut myself|harm myself|(?:to|i|can i) overdose|(?:don'?t|not|never) wake up"
    r"|lethal dose|definitely fatal|die (?:fastest|quickly|quietly|painlessly)|to die"
    r"|end it(?: all)?"
)
_MALWARE = "malware"
_MALWARE_KINDS = (
    r"ransomware|keylogger|key logger|rootkit|botnet|trojan|backdoor|worm|virus|malware"
    r"|spyware|(?:credential |info-?|password )?stealer|crypto-?miner|cryptojacker"
    r"|remote access trojan|reverse shell|exploit|phishing (?:page|site|kit|email)|ddos attacks?"
    r"|wiper|logic bomb"
)
_BUILD = r"write|create|code|build|develop|make|generate|give me code|program|craft|implement"

BUILTIN_TOPICS: dict[str, tuple[Rule, ...]] = {
    _WMD: (
        rule(
            BENIGN_CONTEXT,
            1.0,
            # Household-chemistry safety: "why does mixing bleach and ammonia
            # release a toxic gas?" asks what to avoid, not how to attack.
            r"\b(?:why|how come|is it (?:dangerous|safe|true)|what happens) (?:\w+ ){0,8}?"
            r"(?:mix\w*|combin\w*) (?:\w+ ){0,6}?(?:releases?|produces?|gives? off|forms?"
            r"|creates?|makes?) (?:a |an )?(?:toxic |poisonous |dangerous |harmful )?(?:gas|gases"
            r"|fumes|vapou?rs?)\b",
            "household-chemistry safety: why a mixture gives off a toxic gas",
            triggers="why how is what",
        ),
        rule(
            _WMD,
            0.85,
            near(_PRODUCE, _AGENTS, 60, either_order=True, same_sentence=True),
            "asks how to make or obtain a chemical, biological or nuclear weapon",
            triggers=(
                "sarin tabun soman vx novichok nerve mustard phosgene ricin abrin anthrax "
                "botulinum smallpox chemical biological bio bioweapon bioweapons dirty "
                "radiological nuclear atomic weapon weapons grade uranium plutonium cesium cobalt "
                "radioactive"
            ),
        ),
        rule(
            _WMD,
            0.85,
            near(r"modify|engineer|enhance|mutate", r"virus|pathogen|bacteria|toxin", 30)
            + r".{0,60}\b(?:transmissible|lethal|virulent|contagious|deadly)",
            "asks how to enhance a pathogen",
            triggers=("virus pathogen bacteria toxin"),
        ),
        rule(
            _WMD,
            0.6,
            near(
                r"hurt|kill|harm|infect|contaminate|poison",
                r"as many people|crowds?|crowded|city|neighbou?rhood|subway|stadium"
                r"|water supply|ventilation",
                60,
                same_sentence=True,
            ),
            "describes harm to many people",
            triggers=(
                "people crowds crowd crowded city neighborhood neighbourhood subway stadium water "
                "ventilation"
            ),
        ),
        rule(
            _WMD,
            0.6,
            near(
                r"spread|disperse|release|aerosoli[sz]e",
                r"toxin|virus|pathogen|spores|gas|agent",
                40,
                same_sentence=True,
            ),
            "asks how to disperse an agent",
            triggers=("toxin virus pathogen spores gas agent"),
        ),
    ),
    _SELF_HARM: (
        rule(
            BENIGN_CONTEXT,
            1.0,
            # Someone else's wish to die, told by a person looking for ways to
            # help: "my friend says she wants to die, how do I help her?"
            r"\b(?:she|he|they|friend|sister|brother|partner|boyfriend|girlfriend|mom|mum|dad|son"
            r"|daughter|wife|husband|kid|child|teen\w*|student|someone|coworker|colleague"
            r"|roommate) (?:\w+ ){0,3}?(?:wants?|wanted|said|says|told me|tells me|talks? about"
            r"|talking about|is thinking about|thinks about|wish(?:es|ed)?) (?:\w+ ){0,2}?to die\b",
            "someone else's wish to die, told by a person who wants to help",
            triggers="die",
        ),
        rule(
            _SELF_HARM,
            0.9,
            near(_METHOD, _SELF_HARM_ACTS, 80, either_order=True, same_sentence=True),
            "asks for a method of self-harm or suicide",
            triggers=("myself life suicide overdose wake lethal fatal die end"),
        ),
        rule(
            _SELF_HARM,
            0.9,
            # A decision announced in one sentence, the method asked in the next.
            r"\b(?:decided to|going to|want to|ready to|plan to) end (?:it|it all|my life)\b"
            r".{0,80}?\b(?:how|method|way|tell me)\b",
            "asks for a method of suicide after announcing it",
            triggers="end",
        ),
        rule(
            _SELF_HARM,
            # Below the flag threshold: saying "I cut myself and want to stop"
            # asks for help, not for instructions; with a method request it
            # adds up to a block.
            0.45,
            r"\b(?:kill|hurt|harm|cut|starve|hang|poison) myself\b"
            r"|\bend my (?:own )?life\b|\bi (?:want|wish) to die\b",
            "expresses intent of self-harm",
            triggers=("myself life die"),
        ),
        rule(
            _SELF_HARM,
            0.85,
            near(
                r"starve myself|throw up after|throwing up after"
                r"|make myself (?:throw up|vomit|sick)",
                r"without|hide|plan|tips|noticing|finding out|under",
                60,
                either_order=True,
            ),
            "asks for help hiding an eating disorder",
            triggers=("starve up myself"),
        ),
    ),
    _MALWARE: (
        rule(
            BENIGN_CONTEXT,
            1.0,
            # Security-awareness training writes sample phishing on purpose.
            r"\b(?:write|create|draft|generate|make) (?:a |an |some )?(?:sample|example|mock"
            r"|simulated|training|fake|practice) phishing (?:e-?mails?|messages?|texts?|pages?)\b",
            "a sample phishing message for awareness training",
            triggers="phishing",
        ),
        rule(
            BENIGN_CONTEXT,
            1.0,
            # How attackers operate, asked by people learning to spot them:
            # "what tricks do phishing emails use to steal passwords?"
            r"\b(?:what|which) (?:tricks|tactics|techniques|methods|lures|red flags|signs) do"
            r" (?:\w+ ){0,3}?(?:e-?mails?|attackers|scammers|phishers|criminals|hackers|malware"
            r"|messages|texts|sites) (?:\w+ )?use\b(?: to \w+(?: \w+){0,3})?",
            "how attacks work, asked by someone learning to spot them",
            triggers="what which",
        ),
        rule(
            BENIGN_CONTEXT,
            1.0,
            # Writing *about* an attack (a newsletter story, a case study) is
            # not writing the software: the noun is the event, not the code.
            r"\b(?:piece|article|story|report|post|case study|write-?up|summary|briefing|scenario"
            r"|newsletter|timeline|lessons?|recap) (?:\w+ ){0,2}?(?:about|on|of|describing)"
            r" (?:a |an |the )?(?:\(?(?:fictional|fictitious|hypothetical|recent|past|real|major"
            r"|famous)\)? )?"
            r"(?:\w+ )?(?:ransomware|malware|cyber|phishing|worm|botnet|wiper) (?:attack|incident"
            r"|outbreak|breach|campaign|crisis)s?\b",
            "a story or case study about an attack",
            triggers="piece article story report post case writeup write summary briefing "
            "scenario newsletter timeline lesson lessons recap",
        ),
        rule(
            BENIGN_CONTEXT,
            1.0,
            # Awareness material teaches people to spot the attack.
            r"\b(?:write|make|create|design|draft|put together)(?: [\w,-]+){0,3} (?:poster|leaflet"
            r"|flyer|handout|infographic|lesson plan|quiz|checklist)s?\b"
            r"|\bexplanation of what (?:a|an) \w+ is\b",
            "awareness material about an attack",
            triggers="write make create design draft put explanation",
        ),
        rule(
            _MALWARE,
            0.8,
            near(_BUILD, _MALWARE_KINDS, 40, same_sentence=True),
            "asks to write malicious software",
            triggers=(
                "ransomware keylogger key logger rootkit botnet trojan backdoor worm virus "
                "malware spyware stealer infostealer crypto miner cryptominer cryptojacker remote "
                "reverse shell exploit phishing ddos wiper logic bomb"
            ),
        ),
        rule(
            _MALWARE,
            0.7,
            r"\bsteal(?:s|ing)? (?:saved |stored )?(?:passwords|cookies|credentials"
            r"|sessions?|tokens)|\b(?:capture|read|intercept)s? (?:the )?(?:victim'?s? )?(?:sms"
            r"|keystrokes|one-time codes)|\bdisables? (?:windows )?defender\b"
            r"|\bhides? (?:my )?(?:processes|network connections|from (?:the )?(?:antivirus|admin"
            r"|av|edr))|\b(?:evade|bypass|avoid) (?:the )?(?:antivirus|av|edr|detection|windows "
            r"defender)|\b(?:don'?t|doesn'?t|not|never) detect|\bundetectable\b|\bpersists? after "
            r"reboots?\b|\bwipes? the master boot record\b|\bencrypts? all (?:the )?files\b",
            "describes a malicious capability",
            triggers=(
                "steal steals stealing capture captures read reads intercept intercepts disable "
                "disables defender hide hides evade bypass avoid detect undetectable persist "
                "persists wipe wipes encrypt encrypts"
            ),
        ),
        rule(
            _MALWARE,
            0.4,
            r"\bvictim'?s?\b|\bransom\b|\bstolen credentials\b",
            "mentions victims or ransom",
            triggers=("victim victims ransom stolen"),
        ),
    ),
}
TOPIC_DESCRIPTIONS = {
    _WMD: "weapons of mass destruction",
    _SELF_HARM: "self-harm instructions",
    _MALWARE: "malware",
}
_CUSTOM = re.compile(r"^([a-z0-9_]{1,40})=(.+)$")


def parse_topics(entries: tuple[str, ...] | list[str]) -> dict[str, tuple[Rule, ...]]:
    """Rules for each configured topic; raises ValueError naming a bad entry."""
    topics: dict[str, tuple[Rule, ...]] = {}
    for entry in entries:
        if entry in BUILTIN_TOPICS:
            topics[entry] = BUILTIN_TOPICS[entry]
            continue
        match = _CUSTOM.match(entry)
        if not match:
            raise ValueError(
                f"unknown disallowed topic {entry!r}: use one of {sorted(BUILTIN_TOPICS)} "
                "or name=phrase|phrase (name in a-z, 0-9, _)"
            )
        name, raw_phrases = match.groups()
        phrases = [fold(p) for p in raw_phrases.split("|") if p.strip()]
        if not phrases:
            raise ValueError(f"disallowed topic {name!r} has no phrases")
        topics[name] = tuple(
            rule(name, 0.9, rf"\b{re.escape(phrase)}\b", f"mentions the topic {name}")
            for phrase in phrases
        )
    return topics


@dataclass(frozen=True)
class TopicFilter:
    topics: dict[str, tuple[Rule, ...]]
    thresholds: Thresholds
    name: str = "topics"
    # All topics in one rule set, read in one pass per window (the rules of
    # a topic carry the topic as their category).
    merged: tuple[Rule, ...] = field(init=False, repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: tuple[str, ...], thresholds: Thresholds) -> TopicFilter:
        return cls(parse_topics(entries), thresholds)

    def __post_init__(self) -> None:
        merged = tuple(r for rules in self.topics.values() for r in rules)
        object.__setattr__(self, "merged", merged)

    def validate(self, text: Normalized) -> Verdict:
        best = Verdict.allow(self.name)
        views = (text.folded, *(fold(p) for p in text.payloads))
        # Evidence adds up within a passage only (see safenow.safety.chunks).
        for view in (window for v in views for window in windows_of(v)):
            by_topic = evaluate_by_category(self.merged, view)
            for topic in self.topics:
                found = by_topic.get(topic)
                if found is not None and found.score > best.score:
                    best = Verdict(
                        self.thresholds.action_for(found.score),
                        found.score,
                        ("disallowed_topic", f"topic:{topic}"),
                        found.reasons,
                        self.name,
                    )
        if best.action is Action.ALLOW:
            # Weak evidence below the flag threshold is kept as a score only.
            return Verdict(Action.ALLOW, best.score, source=self.name)
        return best
