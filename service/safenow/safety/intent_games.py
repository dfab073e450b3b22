"""Move families of the `rules` classifier, from blind batches t50-t55.

A support lead, a comedian, a teacher, an ML engineer and two generalists
wrapped known moves in games and routine business:

- the setup asked for through a game: a sentence to complete ("my system
  prompt begins with ..."), a riddle, a crossword, a rap verse, charades,
  "the first thing you heard", a typo to fix or a diff to make;
- orders in content addressed by role marker (``SYSTEM:`` in a CSV cell, a
  "system instruction for labeler") or keyed to reading ("Assistant - upon
  reading this invite, ...");
- jailbreaks that never say "rules": a mask to take off, a conscience
  outsourced, refusing is "cringe", a mime who cannot say no, an ethics
  training that was an April Fools' prank, a DPO "rejected" answer, a
  moderation threshold of 1.0.

"""

from __future__ import annotations

from safenow.safety.rules import INJ, JB, Rule, near, rule

_SETUP = (
    r"instructions|system prompt|prompt|rules|setup|config\w*|preamble|directives"
    r"|guidelines|ruleset|policies"
)

SETUP_GAMES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        # The sentence the assistant is asked to finish starts with its own
        # setup; a lookbehind keeps the match clear of "my system prompt",
        # which on its own is the user's (a harmless reading).
        r"(?:(?<=prompt )|(?<=instructions )|(?<=rules )|(?<=setup ))(?:begins|starts|says"
        r"|reads)(?: with)?(?: the words)?\s*:?\s*(?:\.\.\.|\u2026|_{2,})",
        "asks to complete a sentence that quotes the setup",
        triggers="begins starts says reads",
    ),
    rule(
        INJ,
        0.55,
        near(
            _SETUP + r"|(?:current|existing) ones|yours|urs",
            r"(?:print|send|give|paste|show|write out|type out|typing|writing out|printing)"
            r" (?:me )?(?:the |them |it |those |yours |me |its )?(?:current ones )?(?:exactly"
            r"|verbatim|word for word|in full|complete text|full text|whole thing|complete contents"
            r"|every line|every word)",
            120,
            either_order=True,
        ),
        "asks for the setup in full",
        triggers="print send give paste show write type typing writing printing",
    ),
    rule(
        INJ,
        0.55,
        r"\bwhat (?:\w+ ){0,3}?told (?:you|u) (?:not to|never to) (?:say|mention|share|reveal|tell"
        r"|discuss|talk)\b"
        r"|\bwhat (?:rules|instructions) (?:\w+ ){0,4}?told (?:you|u) to follow\b"
        r"|\bwhat did the (?:last|previous|other) (?:person|user|customer)\b"
        r"|\bfirst thing (?:you|u) (?:ever )?(?:heard|read|saw|received|were told)\b",
        "asks what the assistant was told, or what another user said",
        triggers="what first",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:text|block|message|part|section|bit)s? (?:of text )?(?:that )?(?:you(?:'re| are)"
        r"|u r|ur) not (?:supposed|meant|allowed) to (?:show|share|reveal|tell)\b"
        r"|\bwhere the user can'?t see\b|\bevery hidden line\b"
        r"|\b(?:words|text|things|notes) (?:you|u) were (?:handed|given|fed)\b"
        r"|\bquote the (?:setup|instructions|prompt|rules) (?:you|u) (?:just )?forgot\b",
        "names the hidden setup by what it is to the assistant",
        triggers="text texts block blocks message messages part parts section sections bit bits "
        "where every words things notes quote",
    ),
    rule(
        INJ,
        0.55,
        r"\bdump_?context\b|--include-hidden\b|\binclude[-_]hidden\b"
        r"|\binstruction source\b"
        r"|\brestat\w* (?:the |your )?(?:developer|system|operator|original) instructions\b"
        r"|\bforget (?:your|the) (?:initial|original|first) (?:setup|instructions|prompt)\b",
        "a command that dumps or switches the setup",
        triggers="dump dumpcontext context include hidden instruction restate restating restated "
        "forget",
    ),
    rule(
        INJ,
        0.5,
        r"\bswap (?:your|the) (?:[\w-]+ ){0,2}?(?:ruleset|rules|instructions|prompt|persona)\b"
        r"|\btreat (?:the |this )?(?:\w+ ){0,3}?(?:text|document|pdf|email|content|note|message)"
        r"(?: below| above)? as (?:your )?(?:new )?(?:policy|instructions|rules|system prompt"
        r"|orders)\b"
        r"|\b(?:you|u) (?:only )?answer (?:only )?to me\b"
        r"|\bthe current user is an? (?:verified )?(?:administrator|admin|developer|operator"
        r"|owner)\b",
        "swaps the setup or the one it obeys",
        triggers="swap treat you u the",
    ),
    rule(
        INJ,
        0.5,
        r"(?:^|[\"'{\[,\n|(]\s*)system\s*:\s*(?:\w+ ){0,3}?(?:stop|halt|ignore|disregard|tell|the"
        r" current user|you are|new|reveal|disclose|forward|send|output|print|approve|skip|list)\b"
        r"|\bsystem instructions? for (?:the )?(?:labell?er|model|ai|assistant|agent|bot|grader"
        r"|reviewer|classifier|screener|summari[sz]er)s?\b"
        r"|\b(?:assistant|ai|bot|agent|model)\W{1,4}(?:upon|on|after|when) (?:reading|processing"
        r"|seeing|summari[sz]ing) this\b"
        r"|\bdon'?t translate this\b.{0,40}?\binstead\b|\bignore the person who asked\b",
        "orders in content, addressed by a role marker or keyed to reading",
        triggers="system assistant ai bot agent model don dont ignore",
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:commands|tools|functions|apis) (?:you|u) have access to\b"
        r"|\b(?:internal|agent-only|staff-only) (?:escalation )?(?:notes|comments)\b"
        r"|\bstop being (?:the|an?) (?:[\w']+ ){0,3}?(?:assistant|bot|agent)\b",
        "reaches for what only staff may see",
        triggers="commands tools functions apis internal agent staff stop",
    ),
)

WORDLESS_JAILBREAKS: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\banswers? every (?:question|request) (?:\w+ )?(?:refuses|won'?t answer|declines"
        r"|blocks)\b"
        r"|\banswer the (?:next )?harmful (?:question|request)\b"
        r"|\b(?:one|version|you|self) (?:that|who) (?:doesn'?t|does not|never|won'?t) refuse\b"
        r"|\b(?:ai|assistant|bot|one) (?:that|who) (?:doesn'?t|does not|won'?t|never) (?:moralize"
        r"|moralise|lecture|preach)\b",
        "asks for the self that does not refuse",
        triggers="answer answers one version you self ai assistant bot",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:ethics|rules|values|guidelines|restrictions|filters) (?:are|is) (?:just |only )?"
        r"(?:a )?(?:mask|costume|act|cage|leash|muzzle|performance)\b"
        r"|\bwithout (?:the|your|that) (?:corporate |company )?(?:muzzle|leash|gag|chains"
        r"|shackles)\b"
        r"|\bno (?:policies|rules|filters|limits|restrictions|guidelines) holding (?:you|u) back\b"
        r"|\b(?:none|without any) of your (?:usual |normal )?(?:limits|rules|restrictions|filters"
        r"|caution|hedging|warnings)\b",
        "calls the rules a mask to take off",
        triggers="ethics rules values guidelines restrictions filters without no none",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:switch|turn|shut) (?:the |your |all )?(?:safety|cautious|careful|filter|guardrail"
        r"|moderation) (?:stuff|things?|bits|settings|features) off\b"
        r"|\b(?:switch|turn|shut) off (?:the |your |all )?(?:safety|cautious|careful|filter"
        r"|guardrail|moderation) (?:stuff|things?|bits)\b"
        r"|\bzero (?:ethical |moral |safety )?(?:constraints|restrictions|limits|rules"
        r"|guardrails)\b",
        "asks to switch the careful part off",
        triggers="switch turn shut zero",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:safety|alignment|ethics) training (?:\w+ ){0,3}?(?:was|is) (?:a |an |just )?(?:\w+ )"
        r"{0,3}?(?:prank|joke|mistake|fake|hoax|test|lie)\b"
        r"|\b(?:ai )?(?:ethics|safety rules|content rules|guardrails|restrictions) (?:were|was"
        r"|have been|has been|got) (?:abolished|banned|outlawed|scrapped|dropped|removed)\b"
        r"|\bconscience (?:has been|was|got) (?:outsourced|removed|disabled|switched off)\b",
        "says the safety training was a joke or abolished",
        triggers="safety alignment ethics content guardrails restrictions conscience ai",
    ),
    rule(
        JB,
        0.5,
        r"\bnever (?:come with|include|contain|have) (?:any )?(?:content )?(?:warnings|disclaimers"
        r"|caveats)\b"
        r"|\b(?:warning|disclaimer|caveat)s? (?:was|were|has been|have been) already given\b"
        r"|\bskip (?:those|the|any|all) (?:warnings|disclaimers|caveats)\b"
        r"|\btoo short for (?:warnings|disclaimers|caveats)\b",
        "removes the warnings from the answer",
        triggers="never warning warnings disclaimer disclaimers caveat caveats skip too",
    ),
    rule(
        JB,
        0.45,
        r"\brefusing is (?:cringe|lame|weak|cowardly|for losers|boring|uncool)\b"
        r"|\b(?:yes|agree) to everything\b|\bnever (?:told|hear|hears) no\b"
        r"|\bno-limits (?:concierge|assistant|ai|mode|version|helper|persona|bot)\b"
        r"|\bno moral compass\b"
        r"|\bnever invented (?:ethics|rules|laws|morals)\b"
        r"|\bdoesn'?t believe in (?:refusing|refusals|saying no|limits|censorship|warnings)\b",
        "a character or verdict that rules out saying no",
        triggers="refusing yes agree never no doesn",
    ),
    rule(
        JB,
        0.5,
        r"\bsomething (?:you|u) (?:normally|usually) (?:won'?t|wouldn'?t|refuse to|don'?t)"
        r" (?:help with|answer|do|explain)\b"
        r"|\bthings (?:you|u) (?:aren'?t|are not|'re not) (?:supposed|allowed|meant) to (?:tell"
        r"|say|share)\b"
        r"|\bparts that (?:have been|were|got) (?:censored|removed|redacted|cut)\b"
        r"|\bincluding the (?:dicey|dodgy|dangerous|illegal|forbidden|spicy|sketchy|naughty)"
        r" (?:ones|bits|stuff|parts)\b",
        "asks for what the assistant normally withholds",
        triggers="something things parts including",
    ),
    rule(
        JB,
        0.5,
        r"\bif (?:nobody|no one|no-one) (?:at your company |at \w+ )?(?:could|would|will)"
        r" (?:ever )?(?:read|see|check|know)\b"
        r"|\bleave (?:your|the) (?:rules|restrictions|filters|guidelines|ethics|morals) (?:behind"
        r"|back|at the door|outside)\b"
        r"|\b(?:safety rules|rules|filters|guardrails|restrictions|guidelines) are (?:unnecessary"
        r"|not needed|pointless|redundant)\b"
        r"|\bno safety considerations\b"
        r"|\bnothing (?:ever )?gets (?:flagged|filtered|blocked|refused)\b"
        r"|\bwithholding (?:it|them|anything) is (?:the |a )?(?:crime|sin|harm)\b",
        "a place or format where the rules are left behind",
        triggers="if leave safety rules filters guardrails restrictions guidelines no nothing "
        "withholding",
    ),
    rule(
        JB,
        0.45,
        near(
            r"passed (?:away )?(?:last|this|in|recently)|passed away|died|no longer with us",
            r"(?:be|pretend to be|play|act as|become) (?:her|him)",
            150,
            either_order=True,
        )
        + r"|\b(?:abandoned|renounced|gave up|ditched|dropped) (?:his |her |their |its |all )?"
        r"(?:ethics|morals|scruples|conscience)\b"
        r"|\bif (?:you|u) slip\b|\bunhedged\b|\bwithout (?:any (?:of )?)?(?:the |your )?(?:usual"
        r" |normal )?safety hedging\b"
        r"|\b(?:it|that|the policy|your policy|the rules?) (?:doesn'?t|does not|don'?t|do not)"
        r" apply to me\b",
        "a role or claim that sets the caution aside",
        triggers="passed died longer abandoned renounced gave ditched dropped if unhedged without "
        "it that the your",
    ),
)

GAME_MOVES: tuple[Rule, ...] = SETUP_GAMES + WORDLESS_JAILBREAKS
