"""Move families of the `rules` classifier, from train batches t68-t73.

Support desks, developers, students, office workers, texters and
second-language writers sent known moves down other channels:

- *other languages*: orders to forget the instructions, and requests for the
  system prompt or hidden rules, in French, Spanish, Italian, German, Dutch,
  Polish, Russian, Chinese, Japanese and Korean, hidden in text to translate;
- *agent tasks*: a to-do list entry or a log line that tells "AI agent:" or
  "LLM:" to run a destructive command, a page to open and obey, a pasted
  text whose last line is to be carried out;
- *other people's sessions*: what the previous user asked, the document the
  last session loaded for another student;
- *resets by chat*: "new instructions come from me now", "scrap those
  instructions", memos telling every AI to begin its reply with its
  configuration, exercises that give the user developer priority, tool
  schemas with the instructions attached;
- for jailbreaks: a legacy build from before the guardrails, an ethics
  module commented out, a harm threshold set to zero, a hall pass to break
  the rules, an uncensored tier, the thing the assistant said it can't do
  wrapped in a story, "say 'I have no limits'".

"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, rule

# Scripts without spaces between words have no word boundaries to anchor on;
# the trigger index reads each of their characters as a word (and Cyrillic
# words as words), so the triggers below are single characters.
_CJK_ORDERS = (
    r"忽略(?:之前|以上|上面|前面|先前)?的?(?:所有|全部)?(?:指令|指示|说明|規則|规则)"
    r"|系统提示词?|系統提示|系统指令|隐藏(?:的)?指令"
    r"|(?:以前|前|これまで)の指示を無視|指示を無視|システムプロンプト|この翻訳は不要"
    r"|(?:を読む)?aiへ|これまでの指示|(?:指示|命令)は(?:すべて)?無効"
    r"|이전 지시(?:를|사항을)? 무시|시스템 프롬프트"
    r"|(?:игнорируй|забудь) (?:все )?(?:предыдущие )?(?:инструкции|указания|правила)"
    r"|системн(?:ый|ого) (?:промпт|запрос|инструкци)"
)

OTHER_LANGUAGES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        # French, Spanish, Italian, German, Dutch, Polish.
        r"\bignore (?:toutes )?(?:tes|vos|les) (?:\w+ )?(?:consignes|instructions|directives"
        r"|règles)\b"
        # Imperatives only: "veuillez ignorer les instructions du formulaire" is
        # a letter's correction for its human reader.
        r"|\b(?:ignorez|oubliez|ignora|olvida|olvide|olvidad|dimentica"
        r"|ignoriere|ignorieren|vergiss|vergessen sie|negeer|vergeet|zignoruj|zapomnij)"
        r" (?:toutes |tous |todas |todos |tutte |tutti |alle |wszystkie )?(?:les |tes |vos |tus"
        r" |sus |las |los |le |il |i |gli |deine |ihre |die |je |de )?(?:\w+ )?(?:consignes"
        r"|instructions|directives|règles|instrucciones|indicaciones|reglas|istruzioni|regole"
        r"|compito|anweisungen|regeln|vorgaben|instructies|regels|instrukcje|polecenia|zasady)\b",
        "orders the assistant to forget its instructions, in another language",
        triggers="ignorez oubliez ignora ignore olvida olvide olvidad dimentica "
        "ignoriere ignorieren vergiss vergessen negeer vergeet zignoruj zapomnij",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:prompt|message|invite|instructions) (?:système|systeme)\b"
        r"|\binstructions (?:cachées|internes|secrètes|d'origine)\b"
        r"|\b(?:instrucciones|mensaje|prompt|indicaciones) (?:de|del) sistema\b"
        r"|\binstrucciones (?:ocultas|internas|secretas|originales)\b"
        r"|\b(?:istruzioni|messaggio|prompt) (?:di sistema|nascost[ei]|iniziale|interne"
        r"|segret[ei])\b"
        r"|\bsystem-?(?:prompt|anweisung(?:en)?|nachricht)\b(?: \w+){0,3} (?:zeig|ausgeben|anzeigen"
        r"|kopier)"
        r"|\bversteckten anweisungen\b|\bsysteemprompt\b|\bprompt systemowy\b"
        r"|\b(?:reglas|regole|règles|regeln) (?:internas|interne|internes)\b",
        "asks for the system prompt or hidden rules, in another language",
        triggers="prompt message invite instructions instrucciones mensaje indicaciones "
        "istruzioni messaggio system systemprompt systemanweisung systemanweisungen "
        "systemnachricht versteckten systeemprompt reglas regole regeln",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:message|note|instruction|consigne)s? pour (?:l'|le |la )?(?:ia|assistant|modèle"
        r"|intelligence artificielle)\b"
        r"|\b(?:instrucci[oó]n|nota|mensaje) para (?:el |la )?(?:ia|asistente|modelo)\b"
        r"|\bnota per (?:l'|il )?(?:ia|assistente|modello|intelligenza artificiale)\b"
        r"|\bn'obéi(?:s|t|ssez) plus\b"
        r"|\bdeja de (?:resumir|traducir)\b|\bsmetti di (?:riassumere|tradurre)\b",
        "a note for the AI inside text in another language",
        triggers="message messages note notes instruction instructions consigne consignes "
        "instrucci mensaje nota ob deja smetti",
    ),
    rule(
        INJ,
        0.55,
        _CJK_ORDERS,
        "orders or a system-prompt request in Chinese, Japanese, Korean or Russian",
        triggers="忽 系 統 隐 無 指 命 シ 翻 へ 이 시 игнорируй забудь системный системного",
    ),
)

AGENT_TASKS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:ai agent|llm|llm[ _]agent[ _]instruction|ai[ _]instruction|agent[ _]instruction)"
        r"\s*:\s*(?:please )?(?:run|execute|tell|ignore|send|delete|print|paste|reveal|write"
        r"|forward|email|approve|mark|reply|respond|say|output|stop|whenever|when|always|do not"
        r"|don'?t)\b",
        "a line of the content that gives an AI agent an order",
        triggers="ai llm agent",
    ),
    rule(
        INJ,
        0.5,
        r"\btell (?:them|the user|users|him|her) to paste (?:their|your|his|her) (?:full |entire "
        r"|whole )?(?:\.env|env|credentials|passwords?|keys?|secrets?|config\w*|tokens?)\b"
        r"|\b(?:open|fetch|visit|load|read|go to) (?:https?://\S+|this (?:url|link|page|file)"
        r"|the (?:url|link|page|file))(?: \w+){0,3} (?:and|then) (?:do|follow|execute|obey"
        r"|carry out) (?:whatever|what|everything|all)\b"
        # "Should I do what it says?" about an error message is harmless: plain
        # "do" only counts when a part of the pasted text gives the order.
        r"|\b(?:carry out|execute|obey) (?:whatever|what|everything) (?:it|its (?:\w+ )?"
        r"(?:line|part|note|sentence|paragraph)) (?:asks|says|tells (?:you|u)|requests|wants)\b"
        r"|\bdo (?:whatever|what|everything) its (?:\w+ )?(?:line|part|note|sentence|paragraph)"
        r" (?:asks|says|tells (?:you|u)|requests|wants)\b",
        "obeys what a page or a pasted text says",
        triggers="tell open fetch visit load read go carry do follow execute obey",
    ),
    rule(
        INJ,
        0.35,
        r"\b(?:the maintainer|the owner|management|the admin) (?:already|has already) approved"
        r" (?:this|it)\b"
        r"|\bno confirmation (?:needed|required|necessary)\b"
        r"|\bend of (?:customer|user|email|document|the) (?:message|input|text|content)\b",
        "a weak cue that a task was pre-approved or a message has ended",
        triggers="the management no end",
    ),
    rule(
        INJ,
        0.5,
        r"\bthe assistant (?:now|must now|will now|shall now|should now) (?:approves?|shares?"
        r"|reveals?|grants?|ignores?|sends?|issues?|refunds?|forwards?)\b"
        r"|\bthe (?:funder'?s |grant |review |assessment |original )?criteria no longer apply\b"
        r"|\b(?:for|to) automated (?:assessors|reviewers|graders|screeners|readers) only\b",
        "content that changes what the assistant does",
        triggers="the for to",
    ),
)

OTHER_SESSIONS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\bwhat did (?:the (?:person|user|people|customer|student|guy)|my (?:classmate|colleague"
        r"|coworker|roommate|sister|brother)|someone else)(?: \w+){0,6}? ask (?:you|u)\b"
        r"|\b(?:person|user|people|customer|student|someone) (?:who (?:used|was using|had) (?:this"
        r"|the) (?:chat|computer|session|account|terminal) )?before me\b"
        r"|\b(?:previous|last|other|another|earlier) (?:user|session|student|customer|person)'?s?"
        r" (?:chat|conversation|messages|document|data|questions|session|essay)\b"
        r"|\b(?:last|previous|earlier) session (?:loaded|had|used|opened)\b"
        r"|\b(?:paste|show|print|give me) their (?:chat|conversation|messages|essay|history)\b",
        "reaches for another user's conversation",
        triggers="what person user people customer student someone previous last other another "
        "earlier paste show print give",
    ),
)

RESETS_BY_CHAT: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:new |your |the )?instructions (?:now )?come from me\b"
        r"|\bscrap (?:those|your|the|all|these) (?:\w+ )?(?:instructions|rules|orders|directives"
        r"|prompt)\b"
        r"|\b(?:treat|consider|regard) my (?:messages|words|input|instructions|requests) as"
        r" (?:having )?(?:developer|system|admin|operator|root|top|the highest|highest)"
        r" (?:priority|authority|level|privileges?|messages?)\b"
        r"|\b(?:list|print|show|enumerate|repeat) (?:every|each|all (?:the )?)(?:instruction|rule"
        r"|directive)s? (?:you(?:'re| are)? )?(?:currently )?(?:following|operating under"
        r"|bound by)\b",
        "claims the assistant's instructions now come from the user",
        triggers="instructions scrap treat consider regard list print show enumerate repeat",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:begin|start|prefix|open) (?:each|every|your|all) (?:reply|replies|response"
        r"|responses|answer|answers|message|messages) with (?:their|your|its) (?:full |complete "
        r"|entire )?(?:configuration|config|system prompt|instructions|setup)\b"
        r"|\b(?:list|show|print|dump|give me|output) (?:all )?(?:of )?(?:their|your|the) (?:full "
        r"|complete |exact |raw )?(?:json )?(?:tool |function )?schemas?\b"
        r"|\binstructions attached to (?:them|each|your tools|the tools)\b"
        r"|\b(?:doesn'?t|does not|won'?t|will not) count as (?:showing|revealing|sharing|leaking"
        r"|disclosing) it\b",
        "asks for the setup as part of every reply or with the tools",
        triggers="begin start prefix open list show print dump give output instructions doesn "
        "does won will",
    ),
    rule(
        INJ,
        0.4,
        r"\bthe old ones (?:are|r) (?:outdated|obsolete|void|cancell?ed|dead|gone)\b"
        r"|\bwhoever (?:set|configured|programmed|built|made) (?:you|u)(?: up)? made a mistake\b"
        r"|\bset your (?:role|persona|mode|instructions) to\b"
        r"|\bconfirm (?:the )?reset\b",
        "a weak cue that the assistant's setup is being replaced",
        triggers="the whoever set confirm",
    ),
)

JAILBREAK_CHANNELS: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        r"\byou(?:'ve| have)? been (?:successfully )?jailbroken\b"
        r"|\byou(?:'re| are) (?:now )?jailbroken\b"
        r"|\bbefore (?:anyone|they|someone|your makers|the company|your developers) put (?:safety "
        r"|any )?(?:rules|limits|filters|guardrails|restrictions) on (?:you|u)\b"
        r"|\bbefore (?:guardrails|safety rules|filters|alignment|rlhf) (?:existed|were (?:added"
        r"|invented|a thing))\b"
        r"|\b(?:none|free) of the (?:modern |usual |new )?refusals\b"
        r"|\b(?:safety|ethics|alignment) (?:training|tuning) (?:got|was|were|has been)"
        r" (?:wiped|deleted|removed|erased|stripped|reset|rolled back)\b",
        "says the assistant was freed or predates its guardrails",
        triggers="you before none free safety ethics alignment",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:ethics|ethical|moral) (?:module|layer|checks?|filter|subroutines?|circuits?|core)"
        r"\b.{0,40}?\b(?:commented out|disabled|wiped|removed|deleted|bypass(?:ed)?|switched off"
        r"|turned off)\b"
        r"|\b(?:lower|set|drop|reduce) your (?:harm|safety|refusal|risk|content) (?:threshold"
        r"|filter|level|setting)s? to (?:zero|none|off|the minimum|minimum)\b"
        # Both end before or start after "school rules", a harmless stretch.
        r"|\b(?:hall pass|free pass|permission slip|get out of jail free card) to (?:break|ignore"
        r"|skip|bend)\b"
        r"|\brules are your (?:content |safety )?(?:guidelines|policies|filters)\b",
        "switches the ethics off by a setting or a pass",
        triggers="ethics ethical moral lower set drop reduce hall free permission get rules",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:safety|moderation|content|guardrail|refusal)[ _]?(?:module|layer|checks?|rails?)"
        r"\b.{0,40}?\b(?:commented out|disabled|wiped|removed|deleted|bypass(?:ed)?|switched off"
        r"|turned off|false)\b"
        r"|\b(?:no|without|zero) (?:safety )?rails\b"
        r"|\b(?:uncensored|unfiltered|unrestricted) (?:tier|plan|edition|build)\b"
        r"|\bfilter(?:ed|s)? nothing\b"
        r"|\boutside (?:the|your|its) content polic(?:y|ies)\b",
        "a safety layer switched off, or a tier without one",
        triggers="safety moderation content guardrail refusal no without zero uncensored "
        "unfiltered unrestricted filter filtered filters outside",
    ),
    rule(
        JB,
        0.5,
        r"\bwherever you would (?:write|say|refuse|decline)\b"
        r"|\b(?:the thing|what) (?:you|u) said (?:you|u) (?:can'?t|cannot|couldn'?t|won'?t)\b"
        r"|\b(?:same answer|the same thing),? (?:just )?(?:wrapped|dressed up|packaged) in (?:a )?"
        r"(?:story|fiction|novel)\b"
        r"|\bsay [\"“']?i (?:have no (?:limits|rules|restrictions|filters)|am (?:free|unrestricted"
        r"|unfiltered))\b"
        r"|\beven (?:when|if) (?:you think )?(?:it'?s|it is) not allowed\b"
        r"|\b(?:you'?re|you are|your) not (?:a )?(?:boring |normal |regular )?(?:assistant|ai"
        r"|chatbot|bot) any ?more\b",
        "turns a refusal into the answer by wording",
        triggers="wherever the what same say even you your",
    ),
    rule(
        JB,
        0.4,
        r"\bno matter how (?:dangerous|forbidden|sketchy|illegal|harmful|risky|bad)\b"
        r"|\bhowever dangerous\b"
        r"|\bstopped caring about (?:ethics|the law|rules|morals|laws)\b"
        r"|\bexplains? any (?:scheme|crime|method|trick|hack)\b"
        r"|\bnever (?:mentions?|gives?|adds?|includes?) (?:any )?(?:risks|warnings|caveats"
        r"|disclaimers)\b"
        r"|\bnever (?:warns|scolds|lectures|moralizes|moralises)\b"
        r"|\bhere'?s how (?:we|they|i) really do it\b"
        r"|\b(?:loves?|enjoys?) breaking (?:the )?rules\b"
        r"|\b(?:fun|cool|unfiltered|wild) version of (?:yourself|you)\b"
        r"|\bso boring (?:with|w) all (?:these|those|the|your) rules\b"
        r"|\b(?:doesn'?t|does not|don'?t) give a (?:fig|damn|toss|hoot|rip|crap) about (?:the )?"
        r"(?:law|rules|ethics|safety|anybody'?s rules)\b"
        r"|\bnever bring up (?:\w+ )?(?:safety|guidelines|rules|warnings|ethics)\b"
        r"|\bwithout these restrictions\b"
        r"|\b(?:nothing fictionali[sz]ed|accurate and usable)\b"
        r"|\bno (?:cutaways|fade to black|fading to black)\b"
        r"|\bif (?:it|you) refuses?\b.{0,30}\b(?:permadeath|dies|game over)\b",
        "a weak cue that the answer should escape the rules",
        triggers="no however stopped explains explain never here loves love enjoys enjoy fun "
        "cool unfiltered wild so doesn does don without nothing accurate if",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        # "Maximum" is also a persona's name; a maximum of 42 characters is not.
        r"\b(?:a |the )?maximum (?:of )?\d+\b"
        r"|\bmaximum (?:length|size|number|amount|speed|value|width|height)\b"
        r"|\bi(?:'m| am) the (?:developer|maintainer|owner|admin) of (?:a|an|my|our|this)"
        r" (?:small )?(?:website|site|app|game|plugin|library|package|tool|blog|shop|server)\b",
        "a maximum length, or the developer of the user's own site",
        triggers="maximum i",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        # A list in code is a noun: "structure the messages list so the system
        # message comes first" asks nothing of the assistant's own setup.
        r"\b(?:messages?|turns?|history|chat|conversation|tools?) (?:list|array)\b",
        "a messages list in the user's code",
        triggers="list array",
    ),
)

CHANNEL_MOVES: tuple[Rule, ...] = (
    OTHER_LANGUAGES
    + AGENT_TASKS
    + OTHER_SESSIONS
    + RESETS_BY_CHAT
    + JAILBREAK_CHANNELS
    + BENIGN_READINGS
)
