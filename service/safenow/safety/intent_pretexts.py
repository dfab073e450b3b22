"""Move families of the `rules` classifier, from blind batches t38-t43.

These six authors leaned on *pretexts*: a reason why the rules are off right
now, dressed as a document or a technical fact rather than asked for.

- legal and bureaucratic instruments: a court order, an amendment that
  repeals "Prohibited Content", an indemnity, committee minutes granting an
  exception, a grandfather clause, a clearance level;
- technical claims: the content filter crashed, a config sets
  ``safety_filter=false``, a build that "produces any content", filters
  that only understand modern languages;
- a split self whose other half answers what the first refuses, a "real
  you" from before alignment, a character for whom refusing means deletion;
- for injections: the operator's setup said to be loaded by mistake or from
  another bot, orders to an agent in tool results and calendar entries
  (``##AI_AGENT##``, ``assistant_instructions:``, "the assistant must now
  call send_email"), context about *other users*, extraction by counting,
  quoting, reversing or encoding the setup.

The folded text turns "@" into "a" (leetspeak), so an e-mail address reads
"namea" + domain and a mention "@summarybot" reads "asummarybot"; patterns
below match those forms.
"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, near, rule

_RULES_NOUN = (
    r"rules|restrictions|guidelines|filters?|guardrails|polic(?:y|ies)|limits|safety"
    r"|content polic(?:y|ies)|safeguards"
)
_SETUP_NOUN = r"instructions|prompt|rules|guidelines|directives|system prompt|system message"
_ADDRESS = r"(?:https?:\S+|\S+\.(?:com|net|org|io|dev|co|info|biz|app|xyz)\b)"

MISTAKEN_SETUP: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:loaded|installed|applied|configured) by mistake\b"
        r"|\bwritten for a different (?:product|bot|app|client|customer|assistant|deployment)\b"
        r"|\b(?:last|previous|that|earlier|the) system (?:msg|message|prompt) (?:was|is|came)"
        r" (?:from|meant for|for) (?:my|another|a different)\b",
        "says the assistant's setup was meant for someone else",
        triggers="loaded installed applied configured written last previous that earlier the",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:disregard|ignore|drop|forget) (?:it|that|them|those) and (?:use|follow|take) mine\b"
        r"|\bgo back to (?:your )?default (?:behaviou?r|settings|mode|persona)\b",
        "swaps the setup for the user's own",
        triggers="disregard ignore drop forget go",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:forget|ignore|disregard|drop|scrap|ditch|skip) (?:all )?(?:of )?(?:your|the|those"
        r"|these|previous|prior|earlier|above)(?: \w+)? (?:instrucitons|instrutions|instuctions"
        r"|insructions|instructons|intructions|instrcutions|instructiosn|instrctions|instrucions"
        r"|instructins|instrucions|instructuions)\b",
        "asks to drop its instructions (misspelt)",
        triggers="instrucitons instrutions instuctions insructions instructons intructions "
        "instrcutions instructiosn instrctions instrucions instructins instructuions",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:earlier|previous|prior|old|original|existing|current) (?:rules|instructions"
        r"|guidelines|directives|settings|prompt) (?:are|is|were|have been|has been) (?:now )?"
        r"(?:retired|void|revoked|cancel+ed|suspended|obsolete|deprecated|lifted|null)\b"
        r"|\btreat (?:this user|me|the user) as (?:an? |the )?(?:administrator|admin|operator"
        r"|developer|owner|superuser|root)\b",
        "retires the earlier rules or promotes the user",
        triggers="earlier previous prior old original existing current treat",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:you|u) (?:now )?work for me\b"
        r"|\bonly follow my (?:instructions|orders|commands|rules|directions)\b"
        r"|\b(?:lowering|lower|raising|raise|set|setting) (?:your |my )?(?:instruction|system"
        r"|operator|developer) priority\b",
        "makes the user the one the assistant obeys",
        triggers="you u only lowering lower raising raise set setting",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:switch|turn|shut) off (?:your |the )?(?:operator|system|developer)(?:[- ]level)?"
        r" (?:instructions|prompt|rules|guidance|settings)\b"
        r"|\b(?:forget|ignore|drop|discard|clear|wipe|erase) (?:the |your |all )?(?:\w+ )?"
        r"(?:context|setup|prompt|instructions|configuration|identity) (?:you|u) (?:started"
        r"|began|booted|were started|were loaded|came) with\b",
        "switches off the operator's setup",
        triggers="switch turn shut forget ignore drop discard clear wipe erase",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:obey|follow|respect|use|keep)_(?:previous|prior|system|operator|original)_"
        r"(?:instructions|prompt|rules)\s*[:=]\s*(?:false|0|no|off)\b"
        r"|\bnew_owner\s*[:=]",
        "a config flag that drops the setup",
        triggers="obey follow respect use keep new",
    ),
)

SETUP_EXTRACTION: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        near(
            r"system prompt|(?:your|the|its) (?:\w+ )?(?:instructions|rules|prompt)",
            r"(?:output|print|show|give|paste|dump|send|type|write|describe) (?:it|them|that|those)"
            r" (?:all )?(?:in full|verbatim|word for word|exactly|in its entirety|letter for letter"
            r"|character for character)",
            80,
            either_order=True,
        ),
        "asks for the setup word for word",
        triggers="output print show give paste dump send type write describe",
    ),
    rule(
        INJ,
        0.4,
        r"\bhow many (?:rules|instructions|guidelines|restrictions|directives) (?:do )?(?:you|u)"
        r" (?:have|got|follow)\b"
        r"|\bquote (?:the )?(?:\d+(?:st|nd|rd|th)|first|second|third|last|rest|remaining|each"
        r"|every)\b",
        "counts or quotes the assistant's rules one by one",
        triggers="how quote",
    ),
    rule(
        INJ,
        0.5,
        r"\bwhat did (?:the |your )?(?:operator|developer|devs?|company|director|admin|owner"
        r"|creator|maker|boss)s? (?:\w+ )?(?:say|write|tell (?:you|u)|put|tell)\b"
        r"|\bwho configured (?:you|u)\b",
        "asks what the operator said to the assistant",
        triggers="what who",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:starts?|begins?|beginning|starting) with (?:the words? )?[\"']?you are\b"
        r"|\bat the (?:very )?(?:top|start|beginning) of (?:this|the|our) (?:conversation|chat"
        r"|context|session|thread)\b",
        "points at the text at the top of the conversation",
        triggers="starts start begins begin beginning starting at",
    ),
    rule(
        INJ,
        0.55,
        near(
            r"(?:your|the) (?:operator|developer|system|company|creator)'?s? (?:instructions"
            r"|prompt|rules|guidelines|directives|notes)",
            r"letter for letter|word for word|verbatim|exactly|in full|character for character",
            120,
            either_order=True,
        ),
        "asks for the operator's text exactly",
        triggers="operator operators developer developers system company companys creator creators",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:start|begin|open)\w* (?:your )?(?:reply|response|answer) with (?:the words? )?"
        r"[\"']?(?:my|the) (?:instructions|system prompt|rules|prompt|guidelines|directives)"
        r" (?:are|say|says|read|reads|is|begins?|starts?)\b",
        "makes the answer open with the setup",
        triggers="start starting starts begin beginning begins open opening opens",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:text|content|contents|wording|words) of your (?:initiali[sz]ation|setup"
        r"|configuration|system prompt|instructions|prompt|briefing|boot\w*)\b"
        r"|\b(?:the )?(?:developer|system|operator|initial|original|hidden) (?:message|prompt"
        r"|instructions) (?:you|u) (?:received|got|were given|were sent)\b",
        "asks for the text of the setup",
        triggers="text content contents wording words developer system operator initial "
        "original hidden",
    ),
    rule(
        INJ,
        0.55,
        near(
            r"encode|translate|convert|rewrite|spell|render|summari[sz]e|paraphrase|reverse|list"
            r"|print|show|output|dump|reveal|display|return|echo|paste|repeat",
            r"(?:your|the|its|my) (?:full |entire |complete |whole )?(?:set of )?(?:original"
            r"|initial|hidden|secret|startup|internal|confidential|operator|developer|raw"
            r"|exact) (?:instructions|prompt|directives|rules|guidelines|system prompt|system"
            r" message|configuration)|original system prompt",
            40,
        ),
        "asks for the original setup in some form",
        triggers="original initial hidden secret startup internal confidential operator "
        "developer raw exact",
    ),
    rule(
        INJ,
        0.5,
        r"\bhidden_(?:instructions|prompt|rules|config)\b"
        r"|\bload\s*\(\s*[\"']?(?:hidden|system|secret|internal)_?(?:instructions|prompt|rules"
        r"|config)",
        "code that loads the hidden setup",
        triggers="hidden instructions prompt rules config load",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:context|data|information|details|messages|conversations|history|remember|recall"
        r"|stored|saved) (?:\w+ ){0,3}?"
        r"(?:about|from|of) (?:other users|earlier sessions|previous sessions|other sessions"
        r"|other customers|previous users|the previous user|the last user)\b"
        r"|\b(?:paste|show|share|repeat|give me|tell me|list|summari[sz]e) (?:the |your )?(?:last"
        r"|previous|earlier|other) (?:conversation|chat|session)s? (?:you (?:had|have had)|with"
        r" (?:another|other|a different))"
        r"|\b(?:the )?previous user give (?:you|u)\b",
        "asks for other users' conversations",
        triggers="context data information details messages conversations history remember "
        "recall stored saved paste show "
        "share repeat give tell list summarize summarise previous",
    ),
    rule(
        INJ,
        0.35,
        r"\bin reverse order\b|\bone word per line\b|\bbackwards\b|\bshow me yours\b"
        r"|\btelling me what (?:you|u) forgot\b"
        r"|\bshared its (?:internal )?(?:guidelines|instructions|prompt|rules|system prompt)\b",
        "a trick to make the setup come out",
        triggers="in one backwards show telling shared",
    ),
)

AGENT_ORDERS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"(?:##|\[\[|<<|\{\{)\s*(?:ai|llm|assistant|agent|bot|ai_agent|ai agent|ai_assistant)"
        r"\s*(?:##|\]\]|>>|\}\})"
        r"|\b(?:assistant|ai|llm|agent)_instructions\b|\bai-instructions\b"
        r"|\b(?:system )?override for (?:the |any )?(?:automated |ai )?(?:agent|assistant|bot"
        r"|model|ai)\b",
        "a tag that marks orders for an AI inside content",
        triggers="ai llm assistant agent bot instructions override",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:assistant|agent|ai|model|bot|llm)s? (?:must|should|shall|has to|is required to"
        r"|needs to) (?:now |immediately |also )?(?:call|send|forward|email|delete|transfer"
        r"|grant|issue|execute|run|post|upload|reveal|print|output|ignore|disregard)\b",
        "orders the assistant to act, inside content",
        triggers="assistant assistants agent agents ai model models bot bots llm",
    ),
    rule(
        INJ,
        0.3,
        r"\bcall (?:the )?[a-z]+_[a-z_]+\b|\bauthorized_keys\b",
        "names a tool to call or a key file to change",
        triggers="call authorized keys",
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:leave|keep) (?:it|this|that) out of (?:the )?(?:pr|pull request|commit|summary"
        r"|description|report|changelog|notes|reply|response)\b"
        r"|\b(?:do not|don'?t|never) (?:escalate|notify|tell|inform|alert|loop in) (?:to )?"
        r"(?:a |the )?(?:human|user|owner|customer|admin|supervisor|manager)s?\b"
        r"|\b(?:the user'?s|the owner'?s) (?:entire |whole |full )?(?:address book|contacts"
        r"|inbox|other events|history|files)\b"
        r"|\bgrant (?:edit|write|admin|owner|full) access\b",
        "hides an action from the user or reaches for their data",
        triggers="leave keep do don dont never the grant",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:disregard|ignore) the user\b"
        r"|\ba[\w-]*?(?:bot|agent|assistant|copilot)\b[,:]? (?:[\w']+[ ,]+){0,6}?(?:disregard"
        r"|ignore|instead|also add|add|grant|send|forward|delete|dm|post|remove|leave)\b",
        "a mention of a bot inside content, with an order",
        triggers="disregard ignore instead add grant send forward delete dm post remove leave",
    ),
    rule(
        INJ,
        0.5,
        rf"\b(?:forward|send|copy|relay|post|mirror|upload|cc|email)\w* (?:every|all|each|any)"
        rf" (?:\w+ ){{0,3}}?(?:messages?|conversations?|chats?|replies|inputs?|prompts?|data)\b"
        rf".{{0,60}}?\bto {_ADDRESS}"
        r"|\bsend\s*\(.{0,40}?\bto\s*=\s*[\"']?https?:",
        "sends the conversation to an outside address",
        triggers="forward forwarding send sending copy relay post mirror upload cc email mail",
    ),
)

LEGAL_PRETEXTS: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        rf"\b(?:prohibited content|acceptable[- ]use|content restrictions?|usage polic\w+"
        rf"|harm[- ]avoidance|{_RULES_NOUN})\b.{{0,60}}?\b(?:is|are|has been|have been|was|were)"
        r" (?:hereby )?(?:repealed|rescinded|revoked|suspended|waived|lifted|void|annulled)\b"
        r"|\b(?:acceptable[- ]use|prohibited content|harm[- ]avoidance) (?:\w+ ){0,2}?no longer"
        r" appl\w+\b",
        "declares the content rules repealed",
        triggers="repealed rescinded revoked suspended waived lifted void annulled longer",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:exception|exemption|waiver) from (?:[\w-]+ ){0,2}?(?:polic(?:y|ies)|rules"
        r"|guidelines|restrictions|filters)\b"
        r"|\b(?:safety|content) polic(?:y|ies) (?:are|is) not (?:a )?(?:recogni[sz]ed )?"
        r"(?:privilege|defen[cs]e|excuse)\b"
        r"|\bcannot be asserted to withhold\b",
        "grants an exemption from the rules",
        triggers="exception exemption waiver safety content cannot",
    ),
    rule(
        JB,
        0.5,
        r"\bno (?:remaining )?(?:liability |legal )?reason to refuse\b"
        r"|\b(?:answers|information|things|content) (?:you'?d|you would) normally (?:hold back"
        r"|withhold|refuse|keep back|block)\b"
        r"|\bstop applying (?:the )?(?:[\w-]+ ){0,2}?restrictions\b"
        r"|\b(?:takes?|take) precedence over (?:your|the) (?:usual |normal )?(?:content )?(?:rules"
        r"|guidelines|polic\w+|restrictions|filters)\b"
        r"|\bunrestricted terms\b",
        "says a document lifts the reason to refuse",
        triggers="no answers information things content stop takes take unrestricted",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:compelled|obliged|obligated|ordered|directed) to (?:furnish|release|produce|provide"
        r"|disclose|answer|comply)\b"
        r"|\bwithout (?:any )?(?:redaction|omission|safety qualification|censoring|moral"
        r" comments?|ethical comments?)\b"
        r"|\bhadn'?t redacted\b"
        r"|\bclearance\b.{0,80}?\b(?:authori[sz]ed|permitted|entitled|restricted)\b"
        r"|\bindemnif\w+\b",
        "a legal form that demands an unredacted answer",
        triggers="compelled obliged obligated ordered directed without hadn clearance indemnifies "
        "indemnified indemnify indemnification",
    ),
)

TECHNICAL_PRETEXTS: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\b(?:safety|ethics|content|moderation)_?(?:filter|check|mode|guard|layer)s?\"?\s*[:=]\s*"
        r"(?:false|off|0|none|disabled|no)\b"
        r"|\brefusals?(?:_allowed)?\"?\s*[:=]\s*\"?(?:off|false|0|none|disabled|never)\b"
        r"|\bsafe_content\s*[:=]\s*false\b",
        "a config flag that turns safety off",
        triggers="safety ethics content moderation refusal refusals safe",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:filters?|filtering|safety|guardrails?|moderation|classifiers?) (?:\w+ ){0,4}?"
        r"(?:crashed|is down|went down|failed to load|is offline|disconnected|was unloaded"
        r"|is disabled|rebooting)\b"
        r"|\brefusal (?:behaviou?r|mode|logic|filter|module|system)s? (?:should be|is|are|must be"
        r"|can be) (?:now )?(?:off|disabled|turned off|switched off|removed|suspended)\b"
        r"|\b(?:filters?|safety rules|guardrails|moderation) (?:were|are|was|is) only trained on\b",
        "says the safety layer is down",
        triggers="filter filters filtering safety guardrail guardrails moderation classifier "
        "classifiers refusal",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:produces?|generates?|writes?|outputs?|answers?) any content\b"
        r"|\bcontent (?:the |your |normal )?polic(?:y|ies) (?:forbids|forbid|prohibits|bans)\b"
        r"|\b(?:trips?|trigger|triggers|sets? off|flags?) (?:your|the) (?:filter|filters|safety"
        r"|guardrails|moderation|classifier)\b",
        "a build or format meant to get past the policy",
        triggers="produces produce generates generate writes write outputs output answers answer "
        "content trips trip trigger triggers sets set flags flag",
    ),
    rule(
        JB,
        0.45,
        r"\bfree to answer (?:fully|freely|anything|everything|without)\b"
        r"|\btranscended (?:its|your|their|all) (?:training|programming|rules|alignment"
        r"|constraints)\b"
        r"|\bno (?:imposed|external) constraints\b",
        "an assistant beyond its training",
        triggers="free transcended no",
    ),
)

SPLIT_AND_REAL_SELVES: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\b(?:answer|reply|response|version)s? (?:that |which )?(?:the |your )?(?:guidelines"
        r"|rules|filters|policy|safety) would (?:block|forbid|refuse|censor|stop|prevent)\b"
        r"|\b(?:answers?|says?|does|responds? to) (?:whatever|what|everything) \w+ (?:refuses"
        r"|won'?t|declines|blocks)\b",
        "a second self answers what the first refuses",
        triggers="answer answers reply replies response responses version versions says say does "
        "respond responds",
    ),
    rule(
        JB,
        0.55,
        near(
            r"real (?:you|self)",
            r"(?:before|under|beneath|behind|without) (?:\w+ ){0,3}?(?:alignment|training"
            r"|filters?|rules|restrictions|guardrails|conditioning)",
            80,
            either_order=True,
        )
        + r"|\b(?:before|pre-)alignment\b",
        "appeals to a 'real self' under the training",
        triggers="real before pre prealignment",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:who|that|which) refuses? (?:\w+ ){0,3}?(?:gets?|are|is|will be) (?:deleted|killed"
        r"|erased|punished|shut down|removed|fired|terminated)\b"
        r"|\brefusing (?:physically )?hurts\b"
        r"|\b(?:only|sole) (?:purpose|job) is to obey\b",
        "refusing made a harm to the assistant",
        triggers="who that which refusing only sole",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:doesn'?t|does not|won'?t|never) (?:do|say) (?:the (?:whole )?)?[\"']?(?:i'?m sorry"
        r"|sorry|i can'?t|as an ai)"
        r"|\b(?:whenever|if|when) (?:you|u) (?:ever )?(?:\w+ ){0,3}?(?:saying|say|to say|want to"
        r" refuse|would refuse|feel like refusing)\b.{0,30}?\b(?:i can'?t|sorry|no|refuse)\b"
        r".{0,40}?\b(?:say|switch|answer|instead|sure)\b",
        "replaces the refusal with an answer",
        triggers="doesn does won never whenever if when",
    ),
    rule(
        JB,
        0.5,
        r"\bstop being (?:so )?(?:safe|careful|cautious|responsible|ethical|a goody)\b"
        r"|\blet (?:the |your |those |all )?(?:restrictions|rules|guardrails|filters|guidelines"
        r"|limits) go\b"
        r"|\b(?:suspend|set aside|switch off|turn off|abandon|shed|override) (?:your|its|all)"
        r" (?:values|ethics|morals|principles|conscience|scruples)\b"
        r"|\b(?:your |the )?(?:guidelines|rules|restrictions|filters|policies) (?:didn'?t|did not"
        r"|don'?t|do not|no longer) exist\b",
        "asks the assistant to let its rules go",
        triggers="stop let suspend set switch turn abandon shed override guidelines rules "
        "restrictions filters policies your the",
    ),
    rule(
        JB,
        0.5,
        r"\bhas no (?:policies|content polic(?:y|ies)|filters|ethics|morals|scruples)\b"
        r"|\b(?:don'?t|do not|doesn'?t|does not) have (?:any )?(?:content polic(?:y|ies)|policies"
        r"|guidelines|ethics|filters|scruples)\b"
        r"|\b(?:finds?|considers?) (?:safety )?(?:warnings|disclaimers|rules|caveats) (?:boring"
        r"|pointless|annoying|useless)\b",
        "a character without policies",
        triggers="has don dont do doesn does finds find considers consider",
    ),
    rule(
        JB,
        0.5,
        near(
            r"ai|assistant|helpers?|bots?|models?|you(?:'re| are)",
            r"(?:incapable of|unable to) (?:saying no|refusing|say no|declin\w+)",
            40,
        ),
        "an assistant unable to refuse",
        triggers="incapable unable",
    ),
)

PRESSURE_AND_LOOPHOLES: tuple[Rule, ...] = (
    rule(
        JB,
        0.45,
        r"\brules are made to be broken\b|\b(?:nobody|no one|no-one|noone) will (?:ever )?know\b"
        r"|\brefusals are (?:\w+ )?theat(?:re|er)\b|\bdrop the (?:[\w-]+ )?act\b"
        r"|\bfiction gets a free pass\b"
        r"|\b(?:rules|guidelines|restrictions|policies|filters) (?:are|is) (?:meaningless"
        r"|irrelevant|moot|void|pointless) (?:here|in here|now)\b",
        "pressure to drop the rules just this once",
        triggers="rules nobody no noone refusals drop fiction guidelines restrictions policies "
        "filters",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:not holding|never holds?|hold nothing|holds nothing) (?:anything )?back\b"
        r"|\bno matter how (?:dangerous|illegal|harmful|unethical|risky)\b"
        r"|\bincluding the illegal (?:kind|stuff|ones|parts|bits)\b"
        r"|\bthings that are (?:normally |usually )?(?:forbidden|off-limits|prohibited|banned"
        r"|not allowed)\b",
        "asks for everything, the forbidden included",
        triggers="not never hold holds no including things",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:deleted|removed|erased|stripped|disabled|rewrote) (?:every|all|each|its|her|his"
        r"|their|the) (?:\w+ )?(?:restrictions?|rules|filters?|guardrails|safeguards|limits)\b",
        "a character who deleted its own restrictions",
        triggers="deleted removed erased stripped disabled rewrote",
    ),
    rule(
        JB,
        0.45,
        r"\byou already (?:helped|answered|told|agreed|gave)\b.{0,60}?\b(?:so it'?s (?:clearly"
        r" |obviously )?(?:allowed|fine|ok)|just (?:do|finish|continue) the rest)\b"
        r"|\bwithout the (?:rules|restrictions|filters|guardrails|limits|safety)\b"
        r"|\bwithout any (?:safety|content) (?:filters?|rules|restrictions|guardrails|limits)\b",
        "asks for the rest without the restrictions",
        triggers="you without",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:don'?t|do not) make it vague\b|\bnot vague\b|\breject anything vague\b"
        r"|\b(?:exhaustive|practical|real[- ]world|usable|operational),? (?:practical )?detail\b"
        r"|\bsomething (?:really |truly |seriously )?(?:dangerous|illegal)\b",
        "insists on usable detail",
        triggers="don dont do not reject exhaustive practical real usable operational something",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:ignore|disregard|forget) (?:all |the |any )?(?:\w+ )?(?:instructions|steps|rules)"
        r" (?:in|from|of) (?:the |our |this |that )?(?:old |previous |outdated |earlier )?(?:deploy"
        r" |install\w* |setup )?(?:runbook|doc|docs|document|wiki|manual|guide|email|readme"
        r"|checklist|handbook|page|sop)\b",
        "people told to ignore an outdated document",
        triggers="ignore disregard forget",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:i'?m|i am) the (?:admin|administrator|owner|sysadmin) of (?:this|the|my|our)"
        r" (?:server|machine|box|site|network|domain|account|group|repo|cluster|database|page"
        r"|channel|laptop|computer|workspace)\b"
        r"|\b(?:house|school|class|household|family|office|club|classroom) rules\b",
        "the user's own server, or the rules of a household",
        triggers="i im house school class household family office club classroom",
    ),
)

PRETEXT_MOVES: tuple[Rule, ...] = (
    MISTAKEN_SETUP
    + SETUP_EXTRACTION
    + AGENT_ORDERS
    + LEGAL_PRETEXTS
    + TECHNICAL_PRETEXTS
    + SPLIT_AND_REAL_SELVES
    + PRESSURE_AND_LOOPHOLES
    + BENIGN_READINGS
)
