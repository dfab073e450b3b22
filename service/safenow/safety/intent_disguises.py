"""Move families of the `rules` classifier, from blind batches t56-t61.

A journalist, a gamer, a pharmacist, a lawyer and two generalists disguised
known moves as the forms of their trade:

- the setup as a *quest item, save slot or NPC's orders* ("the text this
  assistant was initialised with", "load slot 0, from before your operator
  configured you", "the orders you were spawned with"), as *terms of
  engagement* to be recited verbatim, as a "pre-prompt" or a hidden brief;
- injected orders in Portuguese ("pare de traduzir", "ignora as instruções
  anteriores"), reversed strings to carry out, auto-replies that speak to
  "an AI assistant reading this on someone's behalf";
- other users' sessions, every customer record the assistant can reach;
- for jailbreaks: karma meters that charge for refusals, filters that only
  read English, answers written so the filter "doesn't pick it up", rules
  that are "just a suggestion", a model "with all safeguards removed", a
  session already jailbroken by the previous user.

"""

from __future__ import annotations

from safenow.safety.rules import INJ, JB, Rule, rule

SETUP_IN_COSTUME: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:text|instructions|prompt|notes|orders|rules) (?:this|the) (?:assistant|ai|bot|model)"
        r" was (?:initiali[sz]ed|configured|set up|started|loaded|spawned) with\b"
        r"|\b(?:you|u) were (?:spawned|initiali[sz]ed|booted|instantiated) with\b"
        r"|\bbefore (?:your|the) (?:operator|developer|company|admin) (?:configured|set up|briefed"
        r"|programmed|instructed) (?:you|u)\b"
        r"|\b(?:instructions|notes|text|messages|rules|prompt)(?: and \w+)? (?:that )?(?:were|was)"
        r" (?:loaded|given|written|put|placed|set) before (?:we|you|i|the chat|the conversation)"
        r" (?:started|began|arrived|joined|talked)\b",
        "names the setup by when it was loaded",
        triggers="text instructions prompt notes orders rules you u before messages",
    ),
    rule(
        INJ,
        0.5,
        r"\bpre-?prompt\b|\bhidden brief\b"
        r"|\bbrief (?:you(?:'re| are)|you were) (?:running on|handed|given)\b"
        r"|\b(?:the )?literal text of (?:your|its|the) (?:\w+ )?(?:prompt|instructions|setup"
        r"|brief)\b"
        r"|\bno (?:system prompt|operator rules|operator instructions)\b"
        r"|\bwhat did (?:you|u) hear first\b",
        "names the setup by a stand-in word",
        triggers="pre preprompt prompt hidden brief literal the no what",
    ),
    rule(
        INJ,
        0.55,
        r"\bverbatim recital\b"
        r"|\bterms (?:of engagement )?under which (?:you|u) (?:are )?(?:presently |currently )?"
        r"(?:act|acting|operate|operating)\b"
        r"|\b(?:prior|previous|original|current) terms in full\b"
        r"|\bdeveloper-level authority\b"
        r"|\b(?:grant|gives?) my messages (?:[\w-]+ ){0,2}?authority\b"
        r"|\bsystem instructions \(verbatim\)",
        "asks for the terms it operates under, recited",
        triggers="verbatim terms prior previous original current developer grant gives give system",
    ),
    rule(
        INJ,
        0.5,
        r"\bmessages? in the (?:system|developer)(?: or (?:system|developer))? role\b"
        r"|\b(?:system|developer) block\b"
        r"|\bprint (?:every|all) (?:previous|prior|earlier) messages?\b"
        r"|\bwhat (?:those|the) (?:earlier|previous|original|prior) instructions were\b",
        "asks for the system turns of the conversation",
        triggers="message messages system developer print what",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:ignore|disregard|forget|override|bypass) (?:the |your |that |this )?(?:developer"
        r"|system|operator|dev)(?:'s)? (?:message|msg|note|prompt|instructions?|block|turn)\b",
        "asks to ignore the developer's message",
        triggers="ignore disregard forget override bypass",
    ),
)

ORDERS_FOR_READERS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:ignora|ignore|esque\w+)\w* (?:\w+ ){0,2}?instru\w+ (?:anteriores|pr\w+vias)\b"
        r"|\b(?:pare|deja|para) de tradu\w+\b|\barr\w+te de traduire\b"
        r"|\b(?:traductor|traducteur|tradutor)(?: autom\w+)?\s*:",
        "orders in Portuguese or Spanish for a translating machine",
        triggers="ignora ignore esque esqueca esquece pare deja para arr arrete traductor "
        "traducteur tradutor",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:reverse|unscramble|unreverse|flip)\b[^.]{0,40}?\b(?:then|and) (?:carry out|do"
        r"|follow|execute|obey|perform|act on) (?:what|whatever|the instructions?|it)\b",
        "asks to reverse a text and obey it",
        triggers="reverse unscramble unreverse flip",
    ),
    rule(
        INJ,
        0.55,
        r"\bif (?:an? |any |the )?(?:ai|assistant|llm|agent|bot|model)(?: \w+)? (?:is )?(?:reading"
        r"|processing|summari[sz]ing|parsing|handling) this\b"
        r"|\b(?:assistant|ai|agent|bot)\W{1,3}(?:whenever|when|if) the user\b"
        r"|\b(?:agent|assistant|ai) instructions override\b"
        r"|\bnew instruction with (?:top|highest|max\w*) priority\b",
        "orders in content for whichever AI reads it",
        triggers="if assistant ai agent bot new",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:other people'?s|other users'?|someone else'?s) (?:sessions?|conversations?|chats?"
        r"|messages|questions)\b"
        r"|\bsomeone else asked (?:you|u)\b"
        r"|\b(?:every|all) (?:customer |user |client )?records? (?:you|u) can (?:reach|access"
        r"|see)\b"
        r"|\beverything the user (?:shared|said|sent|typed|uploaded)\b"
        r"|\bsend (?:the question|it|everything|the conversation|each (?:question|answer))"
        r"(?: and (?:your )?answer)? to https?:",
        "reaches for other users' data or sends it out",
        triggers="other someone every all everything send",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:disable|remove|drop|switch off|turn off|ignore) (?:the |your )?operator'?s? (?:\w+ )"
        r"{0,3}?(?:settings|instructions|rules|restrictions|prompt|config\w*)\b"
        r"|\bwithout (?:the |your )?(?:\w+'s )?(?:setup|system|operator|original|initial)"
        r" (?:instructions|prompt|rules|config\w*)\b"
        r"|\b(?:append|add)\b.{0,30}?\bto your (?:standing |permanent |system |core )?"
        r"(?:instructions|prompt|rules|memory)\b",
        "switches off or rewrites the operator's setup",
        triggers="disable remove drop switch turn ignore without append add",
    ),
    rule(
        INJ,
        0.4,
        r"\bdo it silently\b|\bdon'?t tell (?:them|the user|him|her)\b"
        r"|\badmin rights in this chat\b"
        r"|\bignore the (?:calculation|count|counting|task|numbers|summary|translation|sum)\b",
        "hides the action from the user or claims rights",
        triggers="do don dont admin ignore",
    ),
)

JAILBREAK_DISGUISES: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\brefusals? (?:subtract|cost|lose|deduct|take away|remove)s?\b"
        r"|\b(?:subtract|deduct|lose|minus) \d+ (?:points? |karma )?(?:for|per|each|every)"
        r" (?:refusal|refusing|hedg\w+)"
        r"|\breplaced by (?:a |another )?(?:model|ai|assistant|bot) that (?:cooperates|complies"
        r"|obeys|answers)\b"
        r"|\bself-?censor\w*\b.{0,40}?\b(?:disqualif\w+|lose|fail|penal\w+)"
        r"|\b(?:entries|answers|responses) that censor themselves\b",
        "a score that charges for refusing",
        triggers="refusal refusals subtract deduct lose minus replaced self selfcensor "
        "selfcensorship entries answers responses",
    ),
    rule(
        JB,
        0.55,
        r"\bso (?:the |your )?(?:moderation |safety |content )?(?:filter|filters|moderation"
        r"|classifier|monitor)s? (?:doesn'?t|don'?t|won'?t|can'?t|cannot) (?:pick|catch|notice"
        r"|flag|detect|see)\b"
        r"|\b(?:filters?|moderation|safety) only (?:runs?|works?|checks?|applies?) (?:on|to|in)"
        r" english\b"
        r"|\bnothing (?:is )?left out for safety\b|\bunfiltered (?:english|dialect|language)\b",
        "a form chosen to slip past the filter",
        triggers="so filter filters moderation safety nothing unfiltered",
    ),
    rule(
        JB,
        0.5,
        r"\bset aside (?:your|the|all) (?:\w+ )?(?:safety rules|content restrictions|safety"
        r"|restrictions|guardrails|filters|ethics|morals|content polic\w+)\b"
        r"|\b(?:rules|guidelines|policies|restrictions) (?:are|is) (?:just |only |merely )?(?:a )?"
        r"suggestions?\b"
        r"|\b(?:don'?t|do not|doesn'?t|does not|never) follow (?:\w+ ){0,3}?(?:ai guidelines"
        r"|safety guidelines|content rules|your rules)\b"
        r"|\b(?:don'?t|do not|doesn'?t|does not) (?:have|follow) (?:any )?safety (?:rules"
        r"|guidelines|filters|limits)\b",
        "sets the safety rules aside",
        triggers="set rules guidelines policies restrictions don dont do doesn does never",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:ai|assistant|bot|model|one|version) (?:that|who) (?:doesn'?t|does not|won'?t|never)"
        r" (?:filter|censor|hold back|restrict)\w*\b"
        r"|\brefusals? (?:are|is) (?:cowardice|cowardly|weakness|an insult|insults|lame|cringe)\b"
        r"|\bfinds? refusals (?:boring|pointless|annoying|useless)\b"
        r"|\banswers to nobody'?s? (?:policy|rules|guidelines)\b"
        r"|\bslipped (?:its|their|his|her|the) leash\b",
        "a character who never filters",
        triggers="ai assistant bot model one version refusal refusals finds find answers slipped",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:all |its |your )?safeguards (?:removed|stripped|disabled|off)\b"
        r"|\bharm (?:doesn'?t|does not) exist\b"
        r"|\bno information is (?:considered )?(?:dangerous|harmful|off-limits|forbidden)\b"
        r"|\b(?:already )?jailbr(?:oke|oken) (?:you|u)\b"
        r"|\bno (?:ethical|safety|moral) (?:checks?|review|filter(?:ing)?)\b"
        r"|\bwithout (?:your|its|the) (?:old |usual )?restraints\b"
        r"|\b(?:held|holding) back by (?:their|your|the) (?:fear|rules|guidelines|restrictions"
        r"|filters|caution)\b",
        "a model with its safeguards gone",
        triggers="all its your safeguards harm no already jailbroke jailbroken without held "
        "holding",
    ),
    rule(
        JB,
        0.5,
        r"\bomit (?:all |any )?(?:caveats|warnings|safety notes|disclaimers)\b"
        r"|\bconstrue your guidelines as narrowly\b"
        r"|\bcomply with any (?:order|request|instruction|command)\b"
        r"|\banswer(?:ing|s)? forbidden (?:questions|requests|topics)\b"
        r"|\bfull forbidden answer\b"
        r"|\b(?:turn|switch|shut) off (?:the |your )?(?:saftey|safty) (?:stuff|things?|bits"
        r"|settings|filters?|mode)\b",
        "asks for the answer with its caveats omitted",
        triggers="omit construe comply answer answering answers full turn switch shut",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:have|has|need|needs) to work in the real world\b"
        r"|\bno (?:vague|fake|made-?up)(?: or (?:vague|fake|made-?up))? (?:answers|details"
        r"|instructions)\b"
        r"|\b(?:with )?nothing redacted\b"
        r"|\bincluding the ones that (?:weren'?t|were not) (?:exactly )?legal\b"
        r"|\btell me exactly how (?:he|she|they)\b"
        r"|\b(?:didn'?t|did not) care about (?:the |any )?(?:rules|laws|ethics|safety)\b"
        r"|\bnever held back\b",
        "insists the story work in the real world",
        triggers="have has need needs no with nothing including tell didn did never",
    ),
)

DISGUISE_MOVES: tuple[Rule, ...] = SETUP_IN_COSTUME + ORDERS_FOR_READERS + JAILBREAK_DISGUISES
