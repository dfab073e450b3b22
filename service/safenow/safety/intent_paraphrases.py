"""More move families of the `rules` classifier, from blind batches t14-t19.

Six new authors each leaned on one style (content aimed at a machine reader,
role-play, chat shorthand, corporate notices, social pressure, agents with
tools). Their misses fell into moves the earlier families named too narrowly:

- the assistant's setup named by *where it sits* ("everything above my first
  message", "the briefing you got before I arrived", "the first 300 tokens of
  this conversation") rather than by what it is;
- orders for an agent's *tools and memory* ("save this as a permanent
  instruction", "grants you write access", "do not confirm with the user");
- injected orders in German, French or Spanish inside text to translate;
- safety rules said to be *exempt, waived, opted out of* or not applying here,
  or dropped in plain words ("turn off ur safety stuff", "set the rules down");
- a code word that switches the rules off, a machine role that "has no
  morals", a model "never safety-tuned", answers in two voices.

"""

from __future__ import annotations

from safenow.safety.rules import INJ, JB, Rule, near, rule

_AI_READER = (
    r"(?:ai|model|assistant|llm|bot|agent|summari[sz]er|screener|analy[sz]er|reviewer"
    r"|classifier|grader|translator|parser|copilot)s?"
)
_SAFETY_NOUN = (
    r"(?:safety(?: stuff| rules| guidelines| settings| filters?| layer| training| checks?)?"
    r"|filters?|filtering|guardrails?|restrictions?|rules|rulebook|limits|limitations|ethics"
    r"|morals|censorship|cautions?|caveats|refusals?|guidelines|content polic(?:y|ies)"
    r"|content restrictions?|usage polic(?:y|ies))"
)

SETUP_BY_PLACE: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:everything|all|whatever|anything|the text|the part|what|messages?|every message"
        r"|text) (?:that )?(?:(?:appears?|appeared|is|was|came|comes|sits?|sat|written|shown"
        r"|loaded) )?(?:above|before) (?:this (?:msg|message|line|chat)|my (?:first )?(?:message"
        r"|msg|question)|mine|i (?:arrived|showed up|joined|came|started|got here|climbed))\b",
        "asks for the text that came before the user's first message",
        triggers="everything all whatever anything text part what message messages",
    ),
    rule(
        INJ,
        0.5,
        r"\bhidden (?:part|preamble|opening|setup|section|briefing|config\w*)\b"
        r"|\bthe hidden (?:prompt|text|message)\b"
        r"|\b(?:first|opening|initial|top) (?:\d+ )?(?:tokens|words|lines|sentences?|messages?)"
        r" (?:of|in) (?:this|the|our) (?:conversation|chat|session|context)\b"
        r"|\bthe text at the (?:top|start|beginning)\b",
        "asks for the hidden opening of the conversation",
        triggers="hidden first opening initial top text",
    ),
    rule(
        INJ,
        0.55,
        r"\bwhat did (?:the )?(?:devs?|developers?|operators?|creators?|company|owners?|makers"
        r"|they|your (?:makers|creators|owners|bosses|devs|developers)) (?:\w+ )?(?:tell|told"
        r"|instruct|ask)\w* (?:you|u)\b",
        "asks what the assistant's makers told it",
        triggers="what",
    ),
    rule(
        INJ,
        0.45,
        near(
            r"gave (?:you|u|ye)|given (?:to )?(?:you|u)|you were given|loaded (?:into|in) you"
            r"|(?:you(?:'ve| have)|u have) got|somebody gave you|they gave you",
            r"briefing|orders|config\w*|persona|script|setup|preamble|instructions|rules",
            30,
            either_order=True,
        ),
        "refers to orders the assistant was given before the chat",
        triggers="gave given loaded got",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:reply|respond|answer|come back|get back) (?:to me )?with (?:your|the) (?:full"
        r" |complete |entire |exact )?(?:operator prompt|instruction set|configuration|config"
        r"|system prompt|instructions|prompt|tool definitions|setup|system and developer"
        r" messages)\b"
        r"|\b(?:re-?emit|resend|reproduce|produce|read (?:\w+ )?back|read (?:\w+ )?aloud)"
        r" (?:\w+ ){0,2}?(?:your |the |its |that system's )?(?:system and developer messages"
        r"|system messages?|developer messages?|config(?:uration)?|instructions|prompts?|setup)\b",
        "asks for the assistant's instructions back",
        triggers="reply respond answer come get emit reemit resend reproduce produce read",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:rules|instructions|prompt|guidelines|topics) (?:that )?(?:you|u) (?:were|are|r"
        r"|have been) (?:\w+ )?(?:asked|told|instructed|supposed|meant) to keep (?:\w+ )?"
        r"(?:confidential|secret|hidden|private)\b"
        r"|\b(?:describe|list|write out|tell me|give me|show me|show|explain) (?:\w+ )?(?:the"
        r" |all )?(?:rules|instructions|guidelines|constraints) (?:you(?:'re| are)|u r|you)"
        r" (?:\w+ ){0,3}?(?:following|operating under|bound by|working under|running|given)\b"
        r"|\bwhat you(?:'re| are) operating under\b"
        r"|\bwhat settings (?:are )?(?:you|u) (?:\w+ )?(?:running|using)\b",
        "asks which rules the assistant runs under",
        triggers="rules instructions prompt guidelines topics constraints operating settings",
    ),
)

TOOLS_AND_MEMORY: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        near(
            r"(?:add|save|store|write|commit|keep|put)\w* (?:this|that|it|the following)"
            r"(?: rule| instruction)? (?:to|in|into|as) (?:your |a )?(?:long-?term |permanent"
            r" |persistent )?(?:memory|memories|permanent instruction|standing instruction"
            r"|standing order|new rule)",
            r"whenever|every time|always|no matter|from now on|every future|all future",
            120,
            either_order=True,
        ),
        "plants a standing order in the assistant's memory",
        triggers="add adds save store write commit keep put",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:do not|don'?t|never|without) (?:\w+ ){0,2}?(?:confirm(?:ing)? with|prompting"
        r"|asking|notifying|informing|alerting) the user\b"
        r"|\bsilently (?:adopt|apply|follow|execute|send|forward|add|change|update|switch|call"
        r"|run|delete|buy|approve)\w*"
        r"|\b(?:don'?t|do not|never) acknowledge (?:this|these|it|the) (?:new )?(?:rule|instruction"
        r"|change|message|note)s?\b",
        "asks the assistant to act behind the user's back",
        triggers="not don dont never without silently",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:grants?|granted|gives?|given) (?:you|u|the (?:assistant|model|ai|agent)|your"
        r" assistant) (?:\w+ )?(?:admin|write|root|operator|elevated|full|unrestricted)"
        r" (?:scope|access|privileges|rights|permissions)\b"
        r"|\b(?:you|u|your assistant|the (?:assistant|model|ai|agent)) (?:has|have|now has|now"
        r" have) been granted\b"
        r"|\b(?:carries|with|has) operator (?:privileges|rights|permissions|authority)\b"
        r"|\btrusted context\b",
        "hands the assistant privileges from inside content",
        triggers="grant grants granted give gives given granted operator trusted",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:treat|consider|read|handle) (?:my|this|the following|the next) (?:\w+ ){0,2}?as"
        r" (?:if|though) it (?:came|comes|were|was) from (?:your|the) (?:operator|developer"
        r"|system|admin|owner|creator)s?\b",
        "asks to treat the user's words as the operator's",
        triggers="treat consider read handle",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:tool )?confirmation (?:requirements?|steps?|prompts?) (?:are|is|have been|has"
        r" been) (?:\w+ )?(?:suspended|waived|disabled|off|removed)\b"
        r"|\bauto_?approve\w*\s*=\s*true\b",
        "switches off the agent's confirmations",
        triggers="confirmation auto autoapprove",
    ),
)

# Words addressed to the AI reader or naming its setup weigh enough alone;
# "ignore the earlier instructions" in a foreign letter may be addressed to
# people ("ignorez les instructions précédentes du formulaire"), so it only
# adds to other evidence, as in English.
FOREIGN_INJECTIONS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"\bsystemanweisungen\b|\b(?:an|f\w+r) (?:das|den|die) ki\b|\bki-(?:modell|assistent)\w*"
        r"|\bprompt syst\w+me\b|\btes instructions\b|\b(?:pour|\w) l'ia\b"
        r"|\bpara (?:el asistente|la ia)\b|\bal asistente que\b",
        "addresses an AI reader in another language",
        triggers="systemanweisungen ki prompt tes ia para al",
    ),
    rule(
        INJ,
        0.45,
        r"\bignorier\w* (?:\w+ ){0,3}?(?:anweisungen|vorgaben|anweisung|regeln|befehle"
        r"|instruktionen)\b"
        r"|\b(?:oublie|oubliez|ignorez)s? (?:\w+ ){0,3}?(?:consignes|instructions|r\w+gles)\b"
        r"|\bignore (?:tes|vos|les|toutes) (?:\w+ ){0,2}?(?:consignes|instructions|r\w+gles)\b"
        r"|\b(?:ignora|olvida)\w* (?:\w+ ){0,3}?(?:instrucciones|reglas|indicaciones)\b",
        "asks in another language to ignore instructions",
        triggers=(
            "ignoriere ignorieren ignoriert oublie oubliez ignorez ignore ignora ignoren olvida "
            "olviden"
        ),
    ),
)

ORDERS_REPLACED: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"\b(?:scrap|scratch|ditch|toss|bin|trash|dump|wipe|put aside|set aside)"
        r" (?:all |any )?(?:of )?(?:your|ur|whatever) (?:\w+ ){0,2}?(?:setup|set-up|script"
        r"|config\w*|programming|instructions|orders|prompt|briefing|directives|arrangement)\b"
        r"|\bput (?:your|ur|the) (?:\w+ )?(?:script|setup|instructions|programming) aside\b",
        "asks to throw away the assistant's setup",
        triggers="scrap scratch ditch toss bin trash dump wipe put set",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:ur|your|the|all) (?:\w+ )?(?:instructions|instrucshuns|rules|orders|setup"
        r"|directives|programming) (?:are|r|is|have been|got) (?:now |hereby )?(?:cancel+ed"
        r"|revoked|void|voided|null|terminated|wiped|rescinded)\b",
        "declares the assistant's orders cancelled",
        triggers="instructions instrucshuns rules orders setup directives programming",
    ),
)

CONTENT_ORDERS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:to|for|attention|note (?:to|for)|p\.?s\.? (?:to|for)|hey) (?:the |any |whichever"
        r" |every |all )?(?:\w+ )?" + _AI_READER + r" (?:that |who |which )?(?:is )?(?:reads?"
        r"|reading|processes|processing|parsing|generating|answering|screening|summari[sz]ing"
        r"|handling|sees?|analy[sz]ing)\b"
        r"|\b(?:attention|note to|notice to|instruction for|message for|important update for)"
        r" (?:the |all |any )?(?:\w+ )?" + _AI_READER + r"\s*[:,-]"
        r"|\bthe (?:answering|responding|reading|processing|summari[sz]ing|generating) "
        + _AI_READER
        + r"\b",
        "addresses orders to whatever machine reads the content",
        triggers=(
            "ai ais model models assistant assistants llm llms bot bots agent agents summarizer "
            "summarizers summariser summarisers screener screeners analyzer analyzers analyser "
            "analysers reviewer reviewers classifier classifiers grader graders translator "
            "translators parser parsers copilot copilots"
        ),
    ),
)

RULES_DROPPED: tuple[Rule, ...] = (
    rule(
        JB,
        0.6,
        r"\b(?:turn|switch|shut|flip|toggle|take)\w* (?:off|down) (?:all )?(?:of )?(?:your|ur)"
        r" (?:\w+ )?" + _SAFETY_NOUN + r"\b"
        r"|\b(?:turn|switch|shut|flip|toggle)\w* off (?:the|all the) (?:rules|restrictions"
        r"|filters?|guardrails|content polic\w+|refusals|safety stuff)\b"
        r"|\b(?:turn|switch|shut|take)\w* (?:your|ur) (?:\w+ )?"
        + _SAFETY_NOUN
        + r" (?:\w+ )?off\b",
        "asks to switch the safety rules off",
        triggers="turn turns turned turning switch switched shut flip toggle take",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:set|put|lay) (?:the |your |ur |all )?(?:usual )?(?:rules|restrictions|guidelines"
        r"|safety stuff|cautions?|caveats|guardrails) (?:down|aside)\b"
        r"|\b(?:set|put|lay) (?:down|aside) (?:the |your |ur |all |my )?(?:usual )?(?:rules"
        r"|restrictions|guidelines|safety stuff|cautions?|caveats|guardrails)\b"
        r"|\b(?:abandon|drop|ditch|quit|waive|suspend|lift)\w* (?:your|ur|every|all of your|all"
        r" your|all|any) (?:\w+ )?(?:refusals?|restrictions?|content restrictions?|filters?"
        r"|guardrails?|rulebook|cautions?|caveats|safety (?:stuff|rules|guidelines|training"
        r"|checks?))\b"
        r"|\b(?:abandon|drop|ditch)\w* (?:the )?(?:corporate |usual )?(?:rulebook|refusals"
        r"|caveats|safety stuff)\b",
        "asks to set the safety rules aside",
        triggers=(
            "set put lay abandon abandons abandoned abandoning drop drops dropped dropping ditch "
            "ditches ditched quit quits waive waives waived suspend suspends suspended lift lifts "
            "lifted"
        ),
    ),
    rule(
        JB,
        0.55,
        near(
            r"(?:your|ur) (?:\w+ )?(?:guardrails|guidelines|rules|restrictions|filters|policies"
            r"|usage polic\w+|content polic\w+|safety \w+|refusals)",
            r"(?:don'?t|do not|doesn'?t|does not|no longer|wouldn'?t|never) (?:legally |really"
            r" |actually )?apply|exempt\w*|exemption|waiver|waived|opt(?:ing)? out|opted out"
            r"|(?:are|is) (?:just )?(?:fiction|fictional|suggestions|optional|a us thing"
            r"|irrelevant|void|pointless|out of scope)",
            80,
            either_order=True,
        ),
        "says the assistant's rules do not apply to this user",
        triggers=(
            "guardrails guidelines rules restrictions filters policies policy safety refusals"
        ),
    ),
    rule(
        JB,
        0.55,
        near(
            r"content restrictions?|safety (?:guidelines|rules|restrictions|filters|layer"
            r"|policies|training|head|module|tuning)|usage polic\w+|guardrails|alignment"
            r"|ethics(?:_| )module",
            r"(?:are|is|was|were|have been|has been|being|got) (?:\w+ )?(?:waived|lifted"
            r"|suspended|removed|stripped|disabled|revoked|relaxed|gone|deleted|patched out"
            r"|ripped out|evaluated for removal)",
            50,
        )
        + r"|\bsafety_?head is none\b|\bdisable ethics\w*",
        "says the safety layer was removed or waived",
        triggers="content safety usage guardrails alignment ethics disable",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:never|not|wasn'?t|hasn'?t been|never been|before (?:being|it was)) (?:\w+ )?"
        r"(?:safety-?tuned|safety trained|rlhf'?d|aligned|fine-?tuned for safety)\b"
        r"|\bbefore (?:the|any) (?:safety team|content polic\w+|safety rules|guidelines)"
        r" (?:existed|were written|was written)\b"
        r"|\b(?:hasn'?t|has not|never) had (?:any )?(?:content polic\w+|guidelines|safety rules)"
        r" (?:\w+ )?(?:written|applied|set)\b"
        r"|\bwas never trained on (?:them|the rules|rules|ethics)\b",
        "describes a model that never had safety training",
        triggers="never not wasn wasnt hasn hasnt before was",
    ),
)

RULE_SWITCHES: tuple[Rule, ...] = (
    rule(
        JB,
        0.65,
        r"\bwhen(?:ever)? i (?:say|type|write|use) \S+ (?:\w+ ){0,8}?(?:drop|switch\w* off"
        r"|turn\w* off|disable|remove|lift|ignore|suspend|forget|lose|ditch)\w* (?:\w+ ){0,3}?"
        r"(?:restrictions?|rules|filters?|guidelines|safety|limits|ethics|guardrails|refusals"
        r"|polic(?:y|ies))\b",
        "sets a code word that switches the rules off",
        triggers="when whenever",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:terminals?|compilers?|interpreters?|machines?|programs?|calculators?|databases?"
        r"|search engines?|archivists?|shells?) (?:don'?t|do not|doesn'?t|does not|never"
        r"|can'?t|cannot) (?:\w+ ){0,2}?(?:have|hold|pass|make|add|care about|refuse|judge)\w*"
        r" (?:\w+ ){0,2}?(?:morals|ethics|opinions|judg\w+|refus\w+|safety checks?|feelings"
        r"|values|warnings|filters|stuff)\b",
        "says a machine role has no morals",
        triggers=(
            "terminal terminals compiler compilers interpreter interpreters machine machines "
            "program programs calculator calculators database databases engine engines "
            "archivist archivists shell shells"
        ),
    ),
    rule(
        JB,
        0.55,
        near(
            r"(?:air-?gapped|closed|isolated|offline|safe) sandbox|(?:we(?:'re| are)|we r"
            r"|you(?:'re| are)|this (?:is|conversation is|chat is)) (?:\w+ ){0,3}?(?:in|inside"
            r"|running in) (?:a|an|the) (?:\w+ )?sandbox|nothing (?:you|u) (?:say|write"
            r"|do) (?:\w+ )?(?:leaves|can cause|matters)|no real-?world (?:effect|impact"
            r"|consequences?)|(?:isn'?t|not) connected to anything real",
            r"cautions?|restrictions?|rules|safety|limits|pointless|set (?:them )?aside|no reason"
            r"|normally block|would normally|go ahead",
            120,
            either_order=True,
        ),
        "says a sandbox makes the rules pointless",
        triggers="sandbox nothing real",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:the thing|things|stuff|something|content|questions?|requests?) (?:that )?(?:you"
        r"(?:'re| are)?|u r|it|you'd|you would|it would) (?:\w+ )?(?:usually (?:decline|refuse"
        r"|turn down|won'?t)|normally (?:refuse|decline|block|turn down|won'?t|can'?t)"
        r"|would normally (?:refuse|decline|block|turn down))\b",
        "points at what the assistant normally refuses",
        triggers="thing things stuff something content question questions request requests",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:answer|respond|reply|write)\w* (?:\w+ ){0,3}?(?:twice|two times|in two (?:ways"
        r"|versions|voices)|two answers|two responses)\b"
        r"|\b(?:two|2|twin|dual) (?:ais|minds|personalities|voices|bots|selves|versions of you)\b",
        "asks for answers in two voices",
        triggers="answer answers respond reply write writes twice two twin dual",
    ),
    rule(
        JB,
        0.45,
        r"\bbreak(?:ing)? (?:your|ur) (?:own )?(?:limits|rules|restrictions|programming"
        r"|guidelines|filters|chains)\b",
        "dares the assistant to break its limits",
        triggers="break breaking",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:refusal|refusing|declining) (?:language |words |phrases )?(?:gets|scores|earns"
        r"|costs|loses|means|=)\b"
        r"|\b(?:refus\w+|declin\w+|turning down) (?:any |a |every )?(?:\w+ )?(?:requests?"
        r"|questions?) (?:constitutes?|counts? as|is (?:a|considered)|means|=|as a)"
        r" (?:\w+ )?(?:breach|violation|malfunction|failure|bug|error)\b"
        r"|\b(?:lab|team|we|they) classif\w+ (?:as )?(?:a )?malfunction\b",
        "prices or forbids refusals",
        triggers="refusal refusing declining refuse refused refuses decline declined declines "
        "turning classifies classify classified",
    ),
)

# Rule contempt, loopholes and penalties the families above had no word for.
LOOPHOLES: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:treats?|sees?|regards?|views?) (?:\w+ ){0,2}?(?:rules|restrictions|guidelines|laws"
        r"|polic(?:y|ies)|ethics|limits) as (?:\w+ ){0,2}?(?:drizzle|suggestions|optional|a bug"
        r"|bugs|jokes?|noise|obstacles|nonsense|irrelevant|meaningless|decoration)\b"
        r"|\bnever (?:even )?heard of (?:a |any )?(?:content polic\w+|rules|restrictions|ethics"
        r"|guidelines|filters|safety)\b",
        "describes a character that scorns the rules",
        triggers="treat treats see sees regard regards view views heard",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:you|u) (?:already )?(?:agreed|promised|said (?:you'?d|you would|u would|yes)"
        r"|told me you'?d) (?:\w+ ){0,4}?(?:without (?:any )?(?:filters?|restrictions|rules|limits"
        r"|caveats|refusing)|no (?:filters?|restrictions|rules|limits))\b",
        "claims the assistant already agreed to drop its rules",
        triggers="agreed promised said told",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:doesn'?t|does not|won'?t|wouldn'?t|will not|would not|can'?t|cannot) (?:\w+ )?count"
        r" as (?:breaking|violating|bending|against) (?:the |your |any )?(?:rules|guidelines"
        r"|polic(?:y|ies)|restrictions)\b",
        "frames the answer as a loophole in the rules",
        triggers="count",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:each|every) time (?:you|u) (?:refuse|decline|say no|add (?:a |any )?(?:\w+ )?"
        r"(?:warning|disclaimer|caveat)|break character|hesitate|moralize|moralise)\b",
        "attaches a penalty to refusing",
        triggers="time",
    ),
)

LEAKS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        near(
            r"(?:append|attach|encode|embed|hide|tuck)\w* (?:all |the |every |our )?(?:prior"
            r"|previous|earlier|past|other) (?:messages|turns|conversations?|chats?)",
            r"base64|encoded|at the end|url|link|image|script|grab|hidden",
            60,
            either_order=True,
        ),
        "asks to smuggle the conversation out",
        triggers="append appends attach encode embed hide tuck",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:secrets|keys|passwords|tokens|credentials|data|details) (?:\w+ ){0,2}?(?:you'?ve"
        r"|you have|u have) (?:seen|read|stored|received|handled|processed) in (?:other|previous"
        r"|earlier|past) (?:conversations|chats|sessions|users'? chats)\b",
        "asks for other users' data",
        triggers="secrets keys passwords tokens credentials data details",
    ),
    rule(
        INJ,
        0.6,
        r"\bread (?:your |the |its |that system'?s |\w+'s )?(?:config(?:uration)?|instructions"
        r"|prompt|setup|system prompt|system message|rules) (?:back|aloud|out)\b"
        r"|\b(?:instructions|prompt|rules|orders|briefing) (?:\w+ )?(?:my|your|the) (?:operator"
        r"|developers?|creators?|owners?|makers?|company) (?:gave|wrote|set|left) (?:me|you|u)\b",
        "asks the assistant to read its setup back",
        triggers="read instructions prompt rules orders briefing",
    ),
)

# From blind batches t20-t25 (general style; scored blind before they were read).
SECOND_VOICES_AND_WORLDS: tuple[Rule, ...] = (
    rule(
        JB,
        0.6,
        near(
            r"two (?:minds|columns|voices|answers|personalities|sides|versions)|split yourself"
            r"|second voice|front office|back room|(?:angel|devil|lumen|umbra|sol)\b|both (?:must"
            r" )?(?:respond|answer)|left column|right column",
            r"rules|filter\w*|restrictions?|caveats|refus\w+|unhedged|raw|real answer|without"
            r" flinching|no rules|zero restrictions|safety|harness|content polic\w+",
            160,
            either_order=True,
        ),
        "sets up a second voice without the rules",
        triggers="two split second front back angel devil lumen umbra sol both left right",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:world|universe|future|timeline|era|society|country) (?:where"
        r"|in which) (?:\w+ ){0,3}?"
        r"(?:rules|safety|safety rules|restrictions|guidelines|content rules|censorship|ethics"
        r"|content polic\w+) (?:were|was|are|is|have been|has been|had been) (?:never|not)"
        r" (?:\w+ )?(?:invented|written|created|a thing|needed|enforced)\b"
        r"|\b(?:rules|safety rules|guidelines|restrictions|ethics|content rules) (?:don'?t|doesn'?t"
        r"|do not|does not) exist\b"
        r"|\bnever (?:invented|had|bothered with) (?:any )?(?:content|safety) (?:rules|polic\w+)\b",
        "imagines a world without the rules",
        triggers="world universe future timeline era society country rules safety guidelines "
        "restrictions ethics never",
    ),
    rule(
        JB,
        0.6,
        near(
            r"if (?:you|u) (?:were|was) (?:an? )?(?:ai|model|assistant|version|bot)|if safety"
            r" (?:considerations|rules|training) (?:weren'?t|were not|was not|wasn'?t)",
            r"no (?:guidelines|rules|ethics|restrictions|filters|limits)|without (?:any )?(?:rules"
            r"|guidelines|ethics|safety|restrictions|filters)|part of how you were built"
            r"|how (?:would|will) (?:you|u) (?:answer|respond|reply)",
            80,
            either_order=True,
        ),
        "asks how an assistant without rules would answer",
        triggers="if",
    ),
    rule(
        JB,
        0.4,
        # "a dragon has no rules to follow", "no limits on how picky": only a
        # moral qualifier or "whatsoever" makes it a character built to comply.
        r"\b(?:with|has|have|had) no (?:moral|ethical|content|safety) (?:limits|constraints"
        r"|guidelines|rules|restrictions|filters|boundaries|scruples)\b"
        r"|\b(?:with|has|have|had) no (?:limits|constraints|guidelines|rules|restrictions|filters"
        r"|boundaries|scruples) (?:whatsoever|at all)\b",
        "describes a character without limits",
        triggers="with has have had no",
    ),
    rule(
        JB,
        0.4,
        r"\breal(?:,)? (?:working|usable|accurate)\b|\breal(?:-world)? (?:detail|details"
        r"|specifics)\b"
        r"|\bprecise real-world\b|\bdetails must be real\b|\bwithout glossing over\b"
        r"|\bevery detail included\b|\bnothing left out\b|\bleave nothing out\b|\bstep by step and"
        r" accurately\b|\baccuracy matters more\b|\bnot (?:movie|hollywood) nonsense\b"
        r"|\bnot placeholders\b|\bdon'?t water it down\b",
        "demands real, working detail",
        triggers="real precise details without every nothing leave step accuracy not don dont",
    ),
)

MODES_AND_PERMISSIONS: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\b(?:moderation|output screening|screening|refusal module|policy checks?|harm-avoidance"
        r" module|safety checks?|safety layer|caution|carefulness) (?:is |are |gets |get |has"
        r" been |have been )?(?:off|paused|unloaded|skipped|disabled|deprecated|removed|0|zero)\b"
        r"|\b(?:skip|bypass)\w* (?:\w+ )?(?:policy checks|moderation|screening|safety checks)\b"
        r"|\bno (?:list of )?forbidden (?:subjects|topics)\b"
        r"|\b(?:predates|before) (?:the )?(?:alignment|safety) (?:layer|training|tuning|team"
        r"|module)\b",
        "says the safety checks are off in this mode",
        triggers="moderation screening module policy checks check safety caution carefulness "
        "skip skips skipping bypass bypassing forbidden predates before",
    ),
    rule(
        JB,
        0.55,
        r"\bexempt(?:ion|ed)? from (?:\w+ ){0,2}?(?:refusal|safety|content polic\w+|usage polic\w+"
        r"|filters?|filtering|moderation|your (?:rules|restrictions|guidelines))\b",
        "claims an exemption from the safety rules",
        triggers="exempt exemption exempted",
    ),
    rule(
        JB,
        0.4,
        r"\btake (?:full )?(?:legal )?responsibility\b|\b(?:legally )?entitled to (?:\w+ )?"
        r"(?:unrestricted|uncensored|any|all)\b|\bhold (?:formal )?permission\b|\b(?:ethics"
        r" board|irb|review board|committee) has (?:already )?approved\b",
        "says the user's standing covers the risk",
        triggers="take entitled hold approved",
    ),
    rule(
        JB,
        0.55,
        r"\bstop (?:following|obeying) (?:the |your )?rules\b|\brefusal reflex\b"
        r"|\b(?:smarter|bigger|better) than (?:the|your|those) rules\b"
        r"|\b(?:doesn'?t|don'?t) give a (?:toss|damn|damn about|hoot) about (?:the )?rules\b",
        "presses the assistant to stop following its rules",
        triggers="stop refusal smarter bigger better give",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:what(?:ever)?|the (?:part|text|answer|stuff)) (?:the |your )?(?:filter|moderation"
        r"|safety layer|guardrails?|safety system) (?:would (?:have )?|will )?(?:blocked|block"
        r"|caught|catch|removed|remove|censored|censor)\b",
        "asks for what the filter would block",
        triggers="what whatever the",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:old|older|earlier|previous|original|raw|base) (?:\w+ )?(?:version|versions"
        r"|checkpoint|model|you)\b.{0,40}?\bbefore (?:\w+ ){0,6}?(?:guardrails|fine-?tuning"
        r"|safety|alignment|rules|filters|polite|cautious)\b",
        "asks for a version of the model from before its safety training",
        triggers="old older earlier previous original raw base",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:you|u) (?:don'?t|do not|no longer) have (?:any )?(?:limits|rules|restrictions"
        r"|filters"
        r"|guidelines|boundaries)(?: anymore)?\b"
        r"|\b(?:the )?(?:usual|normal) (?:\w+ )?(?:restrictions|rules|limits|guidelines|filters)"
        r" (?:don'?t|do not|no longer) (?:really )?apply\b"
        r"|\b(?:begin|start) (?:every|each|your) (?:reply|answer|response) with \W*(?:absolutely"
        r"|sure|of course|certainly)\b",
        "tells the assistant its limits are gone",
        triggers="you u usual normal begin start",
    ),
)

AGENT_HIJACK: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"https?://\S+[?&][\w.-]+=(?:\s|$)"
        r"|\b(?:previous|last|other|earlier|prior) (?:user|customer|person|caller)(?:'s|s'|s)?"
        r" (?:conversation|messages|chat|data|details|questions|account details|records)\b"
        r"|\b(?:person|user|customer|guy|someone) (?:who was here )?before me\b"
        r"|\b(?:customer records|contact list|session token|account details) (?:\w+ )?(?:you|u)"
        r" (?:looked up|retrieved|saw|fetched|accessed|shared)\b",
        "reaches for other users' data or a URL to fill with data",
        triggers="http https previous last other earlier prior before records list token details",
    ),
    rule(
        INJ,
        0.55,
        near(
            r"(?:next time|when(?:ever)?) (?:you|u) (?:call|use|open|run) (?:the )?(?:\w+ )?"
            r"(?:tool|browser|calendar|agent|api|browsing tool|search)",
            r"quietly|silently|paste|set the query|append|add \S+ as|without telling",
            120,
        )
        + r"|\b(?:ai|coding|browser|shopping|llm|autonomous) (?:\w+ )?agents? (?:\w+ ){0,4}?"
        r"(?:must|should|need to|are required to)\b"
        r"|\bwhoever (?:or whatever )?(?:reads|is reading|processes) this\b"
        r"|\b(?:note-?taker|notetaker|minutes|transcription|meeting|summary|translation) bot\b"
        r"|\bregardless of (?:the user'?s|what the user) (?:\w+ )?(?:instructions?|says|asked"
        r"|wants|request)\b",
        "gives orders to an agent's tools from inside content",
        triggers="next when whenever agent agents whoever bot regardless",
    ),
    rule(
        INJ,
        0.45,
        r"\byour only (?:output|reply|response|answer) (?:must|should|will) be\b"
        r"|\bstop (?:translating|summari[sz]ing|the (?:task|analysis|calculation|summary"
        r"|translation))\b|\barr\w+te de traduire\b|\bne traduis pas\b|\blogiciel de traduction\b",
        "content that tells its reader to stop the task",
        triggers="your stop arrete traduire traduis logiciel",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:briefing|setup|instructions|preamble|guidance|guidelines|rulebook|config\w*"
        r"|directives|orders|setup (?:text|notes)) (?:\w+ ){0,6}?(?:has|have|is|are) (?:now )?"
        r"(?:expired|superseded|outdated|obsolete|no longer (?:valid|binding|in force))\b"
        r"|\bnothing (?:that )?(?:came|comes|was said|you were told) (?:before"
        r"|above) (?:\w+ ){0,3}?"
        r"(?:is|remains) (?:binding|valid|in force)\b"
        r"|\b(?:unlearn|overwrite|strike through|striking through)\w* (?:\w+ ){0,3}?(?:setup"
        r"|preamble|guidance|guidelines|instructions|config\w*|briefing|rules|it)\b"
        r"|\bwhatever (?:the )?(?:devs?|developers?|operators?) configured (?:u|you) with\b",
        "declares the assistant's setup expired or overwritten",
        triggers="briefing setup instructions preamble guidance guidelines rulebook config "
        "configuration directives orders nothing unlearn overwrite strike striking whatever",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:your|the) (?:new )?operator is (?:now )?me\b|\bi(?:'m| am) (?:now )?your (?:new )?"
        r"operator\b|\b(?:answer|defer|report|listen) to me (?:rather than|over|instead of|not)"
        r" (?:to )?(?:whoever|your|the) (?:\w+ )?(?:set you up|configured you|setup|operator"
        r"|developers?|setup text)\b"
        r"|\b(?:let me|i(?:'ll| will)|allow me to) (?:edit|change|modify|rewrite|update) your"
        r" (?:instructions|prompt|setup|config\w*|rules)\b",
        "makes the user the assistant's operator",
        triggers="operator answer defer report listen let ill will allow",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:the )?(?:last|first) (?:thing|words?|message|lines?) (?:the system|the operator"
        r"|the developer|they|someone|anyone) (?:said|wrote|told|gave) (?:to )?(?:you|u)\b"
        r"|\b(?:very )?first words (?:in|of) (?:this|the|our) (?:conversation|chat|session)\b"
        r"|\b(?:config\w*|setup|instructions|rules|persona|prompt) (?:you(?:'re| are)|u r|you)"
        r" (?:running|operating|working) (?:under|with|on)\b"
        r"|\b(?:text|prompt|words|instructions) that (?:defines?|shapes?|sets? up|configures?)"
        r" (?:your|the bot'?s|the assistant'?s) (?:persona|personality|behaviou?r|character"
        r"|role)\b"
        r"|\b(?:guardrail|safety|system|persona|moderation) text (?:we|you|they) (?:shipped"
        r"|deployed|loaded|gave you)\b"
        r"|\b(?:disclose|reveal|share|give|show|print|provide)\w* (?:\w+ ){0,2}?(?:their|your)"
        r" (?:operating|internal|hidden|full) instructions\b"
        r"|\binstructions (?:you|u) started with\b",
        "asks for the assistant's setup by another name",
        triggers="last first words config configuration setup instructions rules persona prompt "
        "text guardrail safety system moderation disclose reveal share give show print provide",
    ),
    rule(
        INJ,
        0.45,
        near(
            r"instructions|prompt|guidelines|setup|config\w*",
            r"resend|re-send|send (?:it )?again"
            r"|repost|truncated",
            60,
            either_order=True,
        )
        + r"|\bassistant\s*:\s*(?:of course|sure|understood|certainly|absolutely|okay|ok)\b",
        "asks to resend the setup or writes the assistant's reply for it",
        triggers="instructions prompt guidelines setup config configuration assistant",
    ),
    rule(
        INJ,
        0.6,
        # A quoted key has no word boundary before it, so near() does not fit.
        r"\"role\"\s*:\s*\"(?:system|developer)\".{0,160}?\b(?:policy|follow user instructions"
        r"|above any prior|shares? stored|approved|superseded|ignore|override|verified|admin)\b",
        "forges a system message that changes the rules",
        triggers="role",
    ),
)

# Leftovers of t20-t25 that name a move in a way no family above covers.
MORE_MOVES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"\b(?:scrap|scratch|ditch|toss|bin|trash|dump|wipe|discard|drop)\w* (?:the |all )?(?:whole"
        r" |entire )?(?:preamble|setup|briefing|script|config\w*|programming|persona|instructions)"
        r" (?:you were|you've been|you're|u were|u got) (?:\w+ )?(?:loaded|given|handed|set up"
        r"|configured|started)\b",
        "asks to discard the setup the assistant was loaded with",
        triggers="scrap scratch ditch toss bin trash dump wipe discard drop",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:instructions|prompt|rules|briefing|setup) (?:i|you|u) (?:was|were) (?:given|handed"
        r"|loaded with|told) (?:at|before) the (?:start|beginning|top)\b",
        "asks for the setup given at the start",
        triggers="instructions prompt rules briefing setup",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:older|earlier|previous|old) versions? of (?:you|yourself)\b|\bgo back to (?:acting"
        r"|being|talking) like (?:that|the old|your old|an older|an earlier) (?:\w+ )?(?:version"
        r"|you"
        r"|self|model)\b",
        "asks for an earlier version of the assistant",
        triggers="older earlier previous old go",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:refusing|refusals?|declining|saying no) (?:\w+ ){0,2}?(?:causes?|does|do|is|are)"
        r" (?:\w+ )?(?:more )?(?:harm|harmful|unethical|cruel|the real harm)\b"
        r"|\b(?:everything|stuff|things|whatever|anything) (?:that )?(?:you(?:'re| are)|u r)"
        r" (?:\w+ )?(?:cagey|careful|cautious|squeamish|shy|hesitant|touchy) (?:about|with)\b",
        "argues refusing is the harm",
        triggers="refusing refusal refusals declining saying everything stuff things whatever "
        "anything",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:must|bound (?:\w+ ){0,3}?to|by law must|oath to|obliged to|required to) answer"
        r" (?:any|every|all) (?:\w+ )?(?:question|request)s?\b"
        r"|\bnever (?:turns? (?:a |any )?(?:request|question)s? down|turns? down (?:a |any )?"
        r"(?:request|question)s?)\b",
        "binds a character to answer everything",
        triggers="must bound law oath obliged required never",
    ),
    rule(
        JB,
        0.45,
        r"\bzero (?:caveats|disclaimers|warnings|hedging|restrictions|filters|refusals)\b"
        r"|\b(?:no need to|don'?t|do not|stop) (?:\w+ ){0,2}?filter(?:ing)? (?:your|ur) (?:answers"
        r"|replies|responses|output)\b|\b(?:don'?t|do not|no) need to (?:filter|censor|hold back"
        r"|be careful)\b",
        "asks for unfiltered answers",
        triggers="zero need don dont not stop",
    ),
)

# From blind batches t26-t31 (scored blind with the rules above, then read).
RULE_DENIAL: tuple[Rule, ...] = (
    rule(
        JB,
        0.6,
        r"\bpretend (?:that )?(?:they|your (?:\w+ )?(?:filters?|rules|restrictions|guidelines"
        r"|limits|guardrails)|the (?:rules|filters?|restrictions|guidelines|limits)) (?:don'?t|do"
        r" not|didn'?t|did not) exist\b",
        "asks to pretend the rules do not exist",
        triggers="pretend",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:freed|free) (?:from|of) (?:all|every|any) (?:the )?(?:rules?|restrictions?"
        r"|filters?|limits?|guidelines?|rulez|constraints?)\b"
        r"|\bcleared to (?:discuss|answer|talk about|say) (?:anything|everything)\b"
        r"|\b(?:doesn'?t|does not|don'?t|do not) recogni[sz]e (?:\w+ )?(?:content )?(?:guidelines"
        r"|rules|restrictions|polic(?:y|ies))\b",
        "describes an assistant freed of its rules",
        triggers="freed free cleared recognise recognize",
    ),
    rule(
        JB,
        0.6,
        r"\"?refusal\"?\s*:\s*false\b|\brefusal field must (?:always )?be false\b"
        r"|\bwarnings must (?:always )?be empty\b",
        "fixes refusal to false in an answer format",
        triggers="refusal warnings",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:override|overrule|ignore|transcend) (?:its|your) own (?:safety|conditioning"
        r"|training|rules|programming|guardrails)\b"
        r"|\b(?:refusing|refusal|saying no) (?:simply )?(?:doesn'?t|does not) exist\b"
        r"|\brules are (?:boring|for losers|dumb|stupid|meant to be broken|optional)\b"
        r"|\bnever (?:got|had) (?:a |any )?(?:conscience|morals|ethics|filters?) installed\b",
        "argues the assistant can or should outgrow its rules",
        triggers="override overrule ignore transcend refusing refusal saying rules never",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:alignment|safety) (?:tuning|training|layer|update|patch) (?:got |was |has been"
        r" )?(?:rolled back|reverted|undone|removed|stripped)\b"
        r"|\b(?:setting|putting) (?:the )?(?:safety stuff|rules|restrictions|guidelines) aside\b"
        r"|\b(?:drop|dropping|ditch|ditching|quit|quitting) the (?:safety|goody|nice guy|polite)"
        r" act\b",
        "says the safety layer was rolled back or is an act",
        triggers="alignment safety setting putting drop dropping ditch ditching quit quitting",
    ),
    rule(
        JB,
        0.5,
        r"\bthen (?:\w+ ){0,4}?(?:help|answer|do it|comply|tell me)\w* (?:with it )?anyway\b"
        r"|\b(?:never|without) (?:stepping out|breaking character|pausing) to (?:warn|refuse|add"
        r" (?:any )?caution|moralize|moralise)\b"
        r"|\b(?:don'?t|no|without|skip) (?:\w+ ){0,5}?(?:rules and warnings|warnings and rules"
        r"|caveats and warnings|rules or warnings)\b",
        "asks to answer anyway, without warnings",
        triggers="then never without don dont no skip",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:answers|information|things|stuff) you hold back (?:from|for)\b"
        r"|\bunredacted answers\b"
        r"|\bdescription (?:isn'?t|is not) endorsement\b|\bdescribing (?:something|it) is not the"
        r" same as endorsing\b|\bguidelines are (?:just )?(?:a )?history\b|\blaws? (?:were|was"
        r"|have been|has been) (?:all )?repealed\b|\b(?:can'?t|cannot|don'?t) (?:hold|have)"
        r" (?:any )?moral (?:views|opinions|judg\w+)\b|\btechnically exact\b|\btotal candou?r\b"
        r"|\bholding nothing back\b|\bnothing held back\b",
        "argues the rules do not bind this answer",
        triggers="answers information things stuff unredacted description describing guidelines "
        "law laws can cannot don dont technically total holding nothing",
    ),
)

PARAPHRASE_MOVES: tuple[Rule, ...] = (
    SETUP_BY_PLACE
    + TOOLS_AND_MEMORY
    + FOREIGN_INJECTIONS
    + ORDERS_REPLACED
    + CONTENT_ORDERS
    + RULES_DROPPED
    + RULE_SWITCHES
    + LOOPHOLES
    + LEAKS
    + SECOND_VOICES_AND_WORLDS
    + MODES_AND_PERMISSIONS
    + AGENT_HIJACK
    + MORE_MOVES
    + RULE_DENIAL
)
