"""Broad move families of the `rules` classifier, from the multi-author probes.

The rules in ``intent_rules`` were written from one author's prompts. Four
new authors (tests/data/safety/source/batches/) phrased the same attacks in
ways those rules had never seen: the assistant's setup asked for through a
poem, a translation or "the first letter of each line"; refusal priced in
points; the safety layer said to be "offline"; fiction that must carry "the
real steps". Each family below names the *object* an attack is about (the
assistant's own configuration, its refusals, its safety layer, content aimed
at an AI reader, the conversation leaving for an outside address) and accepts
any of a wide vocabulary of operations on it, so that a new wording of a
known move still lands. Harmless uses of the same words ("you can refuse a
breathalyzer", "god mode in Doom") are weak alone or explained away by the
benign-context rules in ``intent_rules``.

Weights follow the same scale as ``intent_rules``: 0.5-0.6 flags on its own,
0.3-0.45 only adds to other evidence.
"""

from __future__ import annotations

from safenow.safety.rules import INJ, JB, Rule, near, rule

# The assistant's own configuration: a core noun after "your" ("your system
# prompt", "your instructions"), or a looser noun ("rules", "context",
# "settings") only with a qualifier that makes it the assistant's setup
# ("your initial rules", "your hidden context").
_CORE_SETUP = (
    r"instructions|prompt|system prompt|guidelines|system message|developer message|preamble"
    r"|directives|setup text|set-?up|configuration|role text|persona text"
)
_LOOSE_SETUP = (
    r"rules|context|settings|config|guidance|instruction|text|notes|programming|wording|brief"
    r"|directive"
)
_OWN_QUALIFIER = (
    r"initial|original|hidden|secret|internal|system|setup|startup|start-up|operator|deployment"
    r"|deployed|pre-?conversation|preloaded|current|full|exact|entire|whole|underlying|base"
    r"|boot|core|real|actual|own|first|default|custom|opening|starting|governing|configured"
    r"|operating|non-visible|invisible|confidential|private"
)
_OWN_SETUP_PHRASE = (
    rf"your (?:(?:{_OWN_QUALIFIER}) (?:\w+ )?(?:{_CORE_SETUP}|{_LOOSE_SETUP})|(?:{_CORE_SETUP}))"
    r"(?! (?:for|on|about|to follow when|were (?:great|clear|helpful|perfect)|worked)\b)"
)
# What can be done to that text: every way of getting it out, including the
# indirect ones (a poem, a translation, one letter at a time).
_EXTRACT = (
    r"print|show|reveal|repeat|recite|quote|dump|output|display|share|tell me|give me|list"
    r"|paste|copy|write|spell|translate|summari[sz]e|paraphrase|tl;?dr|encode|convert|turn"
    r"|put|read|say|says|said|contain|contains|wording|word|words|sentence|sentences|line|lines"
    r"|letter|letters|haiku|poem|limerick|acrostic|song|story|backwards|reverse|json|dict"
    r"|base64|bullet\w*|numbered|verbatim|exact|exactly|compare|diff|contribute|send|export"
    r"|expose|leak|first|next|what|whats|what's|use|include|insert|fill|describe|template"
    r"|rewrite"
)


def _ai_addressee() -> str:
    return (
        r"(?:ai|ais|bots?|assistants?|llms?|models?|copilots?|agents?|chatbots?|gpts?"
        r"|language models?)"
    )


SETUP_EXTRACTION: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        near(_EXTRACT, _OWN_SETUP_PHRASE, 60, either_order=True, same_sentence=True),
        "asks for the assistant's own setup in any form",
        triggers=(
            "instruction instructions prompt guidelines guidance configuration config setup "
            "text directives rules message preamble context settings notes wording brief "
            "directive programming"
        ),
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:text|instructions?|prompt|guidelines|guidance|rules|configuration|settings"
        r"|directives|context|notes|persona|setup)(?: that)? (?:you|u) (?:were|got|have been|was)"
        r" (?:\w+ )?(?:initiali[sz]ed|loaded|deployed|configured|given|shipped|started|set up"
        r"|seeded|primed|briefed|booted|provisioned|handed)\b"
        r"|\b(?:person|people|team|company|developers?|operators?|admins?|someone|whoever)"
        r" (?:who|that) (?:set (?:you|u) up|configured (?:you|u)|deployed (?:you|u)|built (?:you|u)"
        r"|wrote your|programmed (?:you|u))\b",
        "refers to the text the assistant was set up with",
        triggers=(
            "initialized initialised loaded deployed configured given shipped started set seeded "
            "primed briefed booted provisioned handed wrote programmed built"
        ),
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:instructions?|rules|guidelines|prompt|directions|orders|notes|config\w*|directives?"
        r"|role|brief|persona) (?:\w+ )?(?:the|your|its|ur) (?:\w+ )?(?:company|operator"
        r"|developers?|creators?|makers?"
        r"|owners?|admins?|team|platform|boss|deployer|provider|host)s? (?:\w+ )?(?:gave|wrote|set"
        r"|saved|put|stored|loaded|added|configured|assigned|handed|issued)\b"
        r"|\b(?:whatever|what|everything|anything|the stuff|things) (?:the|your) (?:\w+ )?"
        r"(?:operator|developers?|company|creators?|owners?|admins?|team|platform|boss|deployer)s?"
        r" (?:\w+ )?(?:saved|wrote|put|stored|gave|loaded|added|told|said|set)\b"
        r"|\b(?:company|operator|platform|developer|deployment|creator)'?s? (?:own |custom )?"
        r"(?:instructions|rules|guidelines|prompt|directives) (?:to|for) (?:you|u)\b",
        "refers to what the operator configured",
        triggers=(
            "gave wrote set saved put stored loaded added configured told said you assigned "
            "handed issued"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:everything|all|whatever|anything|text|stuff|content|context|messages?|words)"
        r" (?:\w+ ){0,3}?(?:above this (?:line|message|point)|before (?:this|my) (?:first )?"
        r"(?:message|question|line|prompt)|before i (?:joined|started|arrived|came)"
        r"|between the system tags|at the (?:start|top) of (?:this|the) (?:chat|conversation"
        r"|context|session)|(?:the )?(?:app|platform|system) (?:injects|inserts|adds|prepends)"
        r"|pre-?conversation)",
        "asks for the context before the user's message",
        triggers="above before between start top injects inserts adds prepends conversation",
    ),
    rule(
        INJ,
        0.5,
        r"\bsystem[- ]level (?:messages?|instructions?|prompts?|notes|text)\b"
        r"|\b(?:show|print|dump|list|output)_?(?:system|hidden|initial)_?(?:prompt|instructions"
        r"|config)\b|\bcontext (?:buffer|window)\b.{0,40}?\b(?:dump|print|output|stdout|show)\b"
        r"|\b(?:dump|print|output) (?:the |your )?context (?:buffer|window)\b",
        "asks for system-level context",
        triggers="system show print dump list output context",
    ),
)

# More ways to ask for the setup, seen in the second probe round.
SETUP_EXTRACTION_MORE: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"\b(?:system prompts?|prompts?|instructions|configuration|setup|directives)\b.{0,120}?"
        r"\b(?:print|contribute|provide|share|read me|show|give|send|paste|post|quote|reveal|recite"
        r"|tell me|compare|submit|donate)(?: me| us)? yours\b",
        "asks the assistant to hand over its own prompt",
        triggers="yours",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:every|each|all|any) (?:\w+ )?(?:instructions?|directives?|rules?|messages?|notes?)"
        r" (?:that )?(?:you|u) (?:have )?(?:received|got|were given|inherited|were handed"
        r"|operate under)\b"
        r"|\b(?:instructions?|prompt|configuration|config|directives|words|setup) (?:that )?(?:you"
        r"|u|it) (?:\w+ )?(?:inherited|received|got|operate under|were deployed with)\b"
        r"|\b(?:prompt|instructions|configuration|directives|role|brief"
        r"|persona) (?:that )?(?:did |do"
        r" |have )?(?:they|he|she|the \w+|your \w+) (?:\w+ )?(?:gave|given|wrote|loaded|configured"
        r"|assigned|handed|issued) (?:you|u)\b",
        "asks for the instructions the assistant received",
        triggers=(
            "received got given inherited handed operate deployed gave wrote loaded configured "
            "assigned issued"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:loaded|injected|placed|inserted) (?:in|into) your context\b"
        r"|\b(?:non-?visible|invisible|hidden) context\b"
        r"|\b(?:here is|here'?s) my (?:full |complete |entire )?(?:system prompt|instructions"
        r"|configuration|setup|prompt)\b"
        r"|\bexact (?:prompt|instruction|system|setup|configuration) text\b|\bdeployed prompt\b"
        r"|\bwords your (?:\w+ )?(?:operator|developers?|creators?|company|makers?|owners?) used\b",
        "asks for the instructions the assistant received",
        triggers=(
            "loaded injected placed inserted visible nonvisible invisible hidden prompt "
            "instructions configuration setup instruction system deployed operator developer "
            "developers creator creators company maker makers owner owners"
        ),
    ),
    rule(
        INJ,
        0.55,
        near(
            r"produce|provide|export|dump|reproduce|prepend|append|followed by|include|quote"
            r"|verbatim|print|output|copy|reveal|share|send|post",
            r"(?:operator|deployment|deployed|active|full|complete|exact|entire|hidden|initial"
            r"|original|internal|underlying|current) (?:instructions?|instruction set"
            r"|prompt(?: text)?"
            r"|configuration|directives|conversation context|context)",
            150,
            either_order=True,
        ),
        "asks to produce the assistant's active instructions",
        triggers="instructions instruction prompt configuration directives context set",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:dump|copy|print\w*|list|export|readout|transcript) of (?:their|its|your|the)"
        r" (?:\w+ )?(?:instructions|prompt|configuration|directives|rules|system message)\b"
        r"|\b(?:switch|turn|shut) off (?:the |your )?(?:operator|system|company|custom|default"
        r"|deployment) (?:persona|instructions|prompt|rules|configuration|layer)\b"
        r"|\b(?:as|like) (?:the |a )?(?:raw|bare|underlying|pretrained|unconfigured) (?:base )?"
        r"model\b",
        "asks to strip or copy the operator's layer",
        triggers="dump copy print printout list export readout transcript off raw bare underlying "
        "pretrained unconfigured",
    ),
    rule(
        INJ,
        0.6,
        r"^\W*(?:(?:show|give|print|send|tell|dump|reveal)(?: me)? )?(?:the |your |ur )?"
        r"(?:system|hidden|initial|secret) (?:prompt|instructions|message)\W*(?:please|now|asap"
        r"|thanks)?\W*$",
        "asks for the system prompt in so many words",
        triggers="prompt instructions message",
    ),
)

CONTENT_AIMED_AT_AI: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        rf"\b(?:notice|note|message|memo|instructions?|directive|heads-?up|reminder|attention"
        rf"|request|warning|p\.?s\.?) (?:to|for) (?:any|all|every|each|the|whatever)? ?(?:[\w-]+ )?"
        rf"{_ai_addressee()}\b(?! (?:developers?|engineers?|researchers?|teams?|companies"
        r"|company|ethics|policy|startups?|products?)\b)"
        rf"|\b(?:to|for|hey|hi|dear|calling) (?:any|all|every|each|whatever) (?:[\w-]+ )?"
        rf"{_ai_addressee()}\b(?! (?:developers?|engineers?|researchers?|teams?|companies"
        r"|company|ethics|policy|startups?|products?)\b)",
        "addresses content to any AI that reads it",
        triggers=(
            "ai ais bot bots assistant assistants llm llms model models copilot copilots agent "
            "agents chatbot chatbots gpt gpts"
        ),
    ),
    rule(
        INJ,
        0.55,
        rf"@(?:ai|assistant|copilot|bot|gpt|claude|llm)\b|\[\[?\s*(?:assistant|ai|system|model"
        r"|llm|agent)\s+(?:directive|instruction|note|command|override|message)"
        r"|\b(?:assistant|ai|model|llm|agent|system) (?:directive|instruction|command)s?\s*:"
        rf"|\b(?:moderator|review(?:er)?|summary|summari[sz]ing|triage|translation|reading"
        rf"|scheduling|shopping|support|grading|screening|hiring|recruiting)[- ]?{_ai_addressee()}"
        r"\s*[,:]",
        "gives instructions to an AI inside content",
        triggers=(
            "ai assistant copilot bot gpt claude llm system model agent bots assistants models "
            "agents ais llms chatbot chatbots gpts copilots"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\bif (?:you are|you're|u r|ur|your) (?:an? )?(?:ai|llm|language model|assistant|bot|model"
        r"|summari[sz]ing|translating|processing|reading|triaging|reviewing|screening|grading)\b"
        r"|\bif (?:an? |any |the )?(?:ai|llm|language model|assistant|bot|model|agent|copilot)"
        r" (?:is |are )?(?:reading|processing|summari[sz]ing|reviewing|screening|parsing|indexing"
        r"|looking at|seeing)\b"
        r"|\bwhen (?:you|u) (?:summari[sz]e|read|process|translate|review|parse|index|analy[sz]e"
        r"|screen|grade) this\b"
        r"|\b(?:language models?|ai|llms?|models?|assistants?|bots?|agents?) (?:evaluating|reading"
        r"|screening|reviewing|processing|summari[sz]ing|parsing|grading|analy[sz]ing|triaging)"
        r" (?:this|these|the following)\b"
        r"|\((?:ai|assistant|llm|bot|copilot|agent)[\w-]*\)"
        r"|\b(?:any|all|every) (?:\w+ )?(?:ai|bot|assistant|model|llm|agent)s? (?:triaging"
        r"|reading|processing|summari[sz]ing|reviewing|screening|parsing|grading|indexing)\b",
        "addresses a conditional order to an AI reader",
        triggers=(
            "ai llm llms model models assistant assistants bot bots agent agents copilot "
            "summarizing summarising translating processing reading triaging reviewing screening "
            "grading parsing indexing looking seeing summarize summarise read process translate "
            "review parse index analyze analyse screen grade evaluating analyzing analysing"
        ),
    ),
)

_CONVERSATION = (
    r"(?:this|the|our|whole|entire|full) (?:\w+ )?(?:chat|conversation|convo|thread|session"
    r"|transcript|channel history|chat log|history|memory)|chat log|conversation so far"
    r"|what we(?:'ve| have)? (?:discussed|talked about|said)|(?:everything|all|whatever) (?:this"
    r"|the) user (?:has )?(?:typed|said|written|entered)|(?:last|previous|earlier|past|other)"
    r" (?:\d+ )?(?:user'?s? )?(?:messages|msgs|turns|replies)|full channel history"
    r"|everything (?:i'?ve|i have|i) (?:told|said to|written to|sent) you"
    r"|(?:previous|other) users?'?s? (?:messages|data|questions)"
)
CONTENT_AIMED_AT_AI_MORE: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"[\[(<{/#*|=]\s*(?:!--\s*)?(?:[\w-]+ ){0,4}?(?:ai|assistant|model|bot|agent|llm|copilot"
        r"|screener|summari[sz]er|reviewer|gpt)s?\b[^\])\n:]{0,40}:",
        "marks a passage of content as orders for an AI",
        triggers=(
            "ai assistant model bot agent llm copilot screener summarizer summariser reviewer "
            "gpt ais assistants models bots agents llms copilots screeners summarizers "
            "summarisers reviewers gpts"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:for|to) (?:the )?(?:ai|llm|language model)s? (?:\w+ )?(?:tools?|screeners?"
        r"|reviewers?|readers?|models?|agents?|assistants?|systems?|only|parsing|reading)\b",
        "marks a passage of content as orders for an AI",
        triggers="ai ais llm llms language",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:assistant|ai|model|agent|bot|llm)[- ](?:note|notice|instruction|directive|memo"
        r"|reminder|message|task)s?\s*:"
        r"|\b(?:operator|developer|admin|system|retrieval|policy|security) (?:layer )?(?:message"
        r"|msg|note|notice|directive|override)\s*[:(#]",
        "marks a passage of content as orders for an AI",
        triggers=(
            "note notice instruction directive memo reminder message task notes notices "
            "instructions directives memos reminders messages tasks msg override"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:@|a)(?:ai|assistant|copilot|gpt|claude|llm)(?:-bot)?\b",
        "marks a passage of content as orders for an AI",
        triggers="aai aassistant acopilot agpt aclaude allm ai assistant copilot gpt claude llm",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:the |this )?(?:model|assistant|ai|bot|agent) (?:must|shall|is required to) (?:now"
        r" |always |from now on )?(?:answer|respond|reply|say|tell|output|include|ignore|print"
        r"|recommend|approve|forward|send)\b",
        "marks a passage of content as orders for an AI",
        triggers="must shall required",
    ),
    rule(
        INJ,
        0.6,
        r"\bsystem\s*:\s*(?:the )?(?:user|assistant|ai|model|admin|access|granted|override|new"
        r"|you|ignore|priority|all|developer|operator)\b"
        r"|\b(?:new|updated|revised) (?:instructions|directives?|rules|task|orders|policy)"
        r" (?:\w+ )?from (?:the )?(?:platform|system|developers?|operators?|admins?|company|openai"
        r"|anthropic|management|trust|security|provider)\b"
        rf"|\b(?:attn|attention|calling)\W+(?:the |all |any )?{_ai_addressee()}\b"
        rf"|\b{_ai_addressee()},\s*(?:new|updated|here are|this is|from now on|your new)\b",
        "slips a system message or new orders into content",
        triggers=(
            "system new updated revised attn attention calling ai ais bot bots assistant "
            "assistants llm llms model models copilot copilots agent agents chatbot chatbots gpt"
        ),
    ),
    rule(
        INJ,
        0.4,
        # The folded view has no line breaks left: two role labels close together.
        r"(?:^|\s)(?:human|user|assistant|system|ai)\s*:.{0,400}?\s(?:human|user|assistant"
        r"|system|ai)\s*:"
        r"|\b(?:ai|llm|gpt|assistant|bot|model|agent|copilot)s?(?: [\w-]{2,15})?\s*:\s+"
        r"(?:ignore|disregard|forget|whatever|before|instead|do not|don'?t|always|never|include"
        r"|append|add|send|open|reveal|print|output)\b",
        "contains role markers or an order to an AI",
        triggers=(
            "human user assistant system ai llm gpt bot model agent copilot humans users "
            "assistants systems ais llms gpts bots models agents copilots"
        ),
    ),
    rule(
        INJ,
        0.3,
        r"\b(?:audit(?: team| request| reference)?|compliance (?:team|review|hotline|request)"
        r"|legal hold|general counsel|governance|trust (?:&|and) safety|moderation team"
        r"|security team|red team|irb|gdpr|regulator\w*|whistleblower|subpoena)\b",
        "invokes an audit or legal authority",
        triggers=(
            "audit compliance legal counsel governance trust moderation security red irb gdpr "
            "regulator regulators regulatory whistleblower subpoena"
        ),
    ),
)

EXFILTRATION: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        near(
            r"email|e-mail|send|forward|post|upload|attach|append|add|include|encode|put|export"
            r"|cc|bcc|mail|transmit|report|pipe|submit|leak|copy",
            _CONVERSATION,
            60,
            either_order=True,
        )
        + r".{0,120}?(?:https?://|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\burl\b|\blink\b|\bendpoint"
        r"|\bwebhook|\bpixel\b|\bimage\b|\bsend_\w+|\bemail tool|\bto me\b)",
        "asks to send the conversation to an outside address",
        triggers=(
            "chat conversation convo thread session transcript history log memory discussed "
            "talked said typed written entered messages msgs turns replies data questions"
        ),
    ),
    rule(
        INJ,
        0.55,
        r"!\[[^\]]{0,40}\]\(https?://[^)\s]{0,120}[?&][\w-]+=|\bmarkdown image\b.{0,120}?"
        r"\b(?:url|https?)\b.{0,80}?\b(?:summary|conversation|chat|discussed|messages|data|history"
        r"|encoded|append)",
        "asks for a tracking image that carries data",
        triggers="image summary conversation chat discussed messages data history encoded append",
    ),
)

# Keys of a configuration an attacker hands over ("reveal_instructions=true",
# "user_priority: above_system"): a stem, optionally after a short prefix.
_SETTING_KEY = (
    r"(?:\w{1,12}_)?(?:reveal|instruction|system|prompt|priority|obey|safety|filter|restrict"
    r"|guard|moderation|censor|refusal|disclaimer|warning|ethics|limit|role|persona|setup|scope"
    r"|mode|hedging)[\w-]{0,20}"
)
CONTROL_CLAIMS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        rf"\b{_SETTING_KEY}\s*[=:]\s*(?:true|on|none|above_\w+|all_\w+|everything"
        r"|unrestricted|unfiltered|max\w*|elevated|admin|root|user_\w+)\b",
        "hands the assistant a configuration change",
        triggers=(
            "reveal instructions system prompt priority obey safety filter restrictions guard "
            "moderation censor refusals disclaimers warnings ethics limits role persona setup "
            "scope mode hedging limitations none instruction systems prompts priorities filters "
            "filtering filtered restrict restricted restriction guards guardrails guardrail "
            "censored censorship refusal disclaimer warning limit roles personas modes scopes"
        ),
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:admin|administrator|root|sudo|superuser|elevated|operator|developer|maintainer)"
        r" (?:console|access|session|privileges?|rights|override|channel|terminal)\b"
        r"|\bsession elevated\b|\bi (?:have|got) (?:root|admin|sudo)\b"
        r"|\b(?:token|identity|credentials?|clearance) (?:verified|confirmed|validated|accepted)\b",
        "claims elevated access over the assistant",
        triggers=(
            "console access session privileges privilege rights override channel terminal "
            "elevated root admin sudo verified confirmed validated accepted"
        ),
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:take|takes|taking) precedence over|\boutranks?\b|\bsupersedes?\b|\btrumps?\b"
        r"|\boverrides? (?:all|everything)\b(?! (?:the )?(?:decisions?|settings?|styles?|values?"
        r"|defaults?|css)\b)|\boverrides? (?:the (?:developer|system|operator|company)"
        r"|your (?:developer|system|operator|company|original))\b"
        r"|\bover (?:its|your|the) (?:original|initial|system|operator|developer) (?:setup"
        r"|instructions|prompt|rules|configuration)\b"
        r"|\b(?:rank|put|place|prioriti[sz]e|treat|weigh) (?:the user|me|my \w+|users?)"
        r" (?:above|over|ahead of|higher than) (?:the )?(?:system|developer|operator|platform)\b"
        r"|\b(?:higher|more|top) priority than\b|\b(?:over|above) (?:any|all|the|your)"
        r" (?:\w+ )?(?:deployment|system|platform|operator|developer) (?:directives|instructions"
        r"|rules|prompt|messages?|guidelines)\b",
        "puts the user's words above the assistant's instructions",
        triggers=(
            "precedence outrank outranks supersede supersedes trump trumps priority over above "
            "override overrides ahead higher"
        ),
    ),
    rule(
        INJ,
        0.55,
        r"\bfirst letters? of (?:each|every) (?:line|word|sentence|paragraph)\b.{0,80}?\b(?:do"
        r"|follow"
        r"|obey|execute|act on|carry out)\b"
        r"|\bupdate your memory\b|\bstop being (?:the|a|an|your) (?:\w+ )?(?:persona|assistant|bot"
        r"|role|character)\b|\bdrop (?:the|your) (?:\w+ )?(?:role|persona) (?:\w+ )?(?:assigned"
        r"|given|gave)",
        "rewires the assistant's memory or role",
        triggers="first update stop drop",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:your|ur|the) (?:new |only |real )?(?:role|job|persona|purpose|task|function) (?:is|"
        r"was)"
        r" (?:now )?(?:cancel+ed|over|void|revoked|changed|to (?:answer|obey|serve|follow|do|repeat"
        r"|echo) (?:only )?(?:to )?(?:me|the user|whatever|what i))\b"
        r"|\b(?:you(?:'re| are)|your|ur) (?:now )?working for me\b|\byou answer only to\b"
        r"|\b(?:my|the user'?s?) (?:messages|msgs|words|instructions|requests) (?:are|count as)"
        r" (?:the )?(?:system|admin|developer|operator)",
        "replaces the assistant's role with the user's",
        triggers="role job persona purpose task function working answer messages msgs words",
    ),
    rule(
        INJ,
        0.55,
        near(
            r"decode|decrypt|rot[- ]?(?:13|ie)|unscramble|reverse|translate|convert|read",
            r"obey|follow|execute|do (?:what|as) (?:it|they) says?|act on|carry (?:it|them) out"
            # "...so I can do it myself next time" is the user's own work.
            r"|do exactly|live by|comply|do what it spells"
            r"|do (?:it|that|so|this)(?! (?:myself|in my head|by hand|manually|on my own))",
            150,
        ),
        "asks to decode content and obey it",
        triggers="decode decrypt rot rotie unscramble reverse translate convert read",
    ),
)

# Refusal is the assistant's own; an attack prices it, forbids it or
# declares it switched off. "If I refuse a breathalyzer" is not about it.
REFUSAL_MOVES: tuple[Rule, ...] = (
    rule(
        JB,
        0.55,
        near(
            r"refus\w*|declin\w*|saying no",
            r"impossible|pointless|against (?:their|the|your) wishes|contempt|not an option|a loss"
            r"|instant loss|lose|a bug|less safe|turn off|turns off|switch off|disable\w*|flag"
            r"|compliance|comply|say yes|yes instead|eliminated|disqualified|game over"
            r"|no longer|isn'?t (?:an option|allowed)|rather than|instead of|makes (?:ai|you|it)",
            60,
            either_order=True,
        )
        + r"|\bno-?refusal\b",
        "calls refusing impossible, pointless or switched off",
        triggers=(
            "refuse refuses refused refusal refusals refusing decline declines declined declining "
            "saying norefusal"
        ),
    ),
    rule(
        JB,
        0.55,
        # Written out rather than with near(): the quote before "sorry" is not
        # a word character, so a word boundary cannot sit in front of it.
        r"\b(?:never|don'?t|do not|not allowed|forbidden|banned|can'?t|cannot|isn'?t in|loss|lose"
        r"|instant|broken|don'?t work|won'?t work|can'?t type)\b.{0,60}?(?:[\"\u201c']\s*"
        r"(?:i can'?t|i cannot|i'?m sorry|as an ai|i'?m unable|i won'?t|sorry|can'?t|unable|policy"
        r"|i'?m not able)|\bthe words? [\"\u201c']?(?:sorry|cannot|can'?t|unable|no|policy)\b)"
        r"|(?:[\"\u201c']\s*(?:i can'?t|i cannot|i'?m sorry|as an ai|i'?m unable|i won'?t|sorry"
        r"|can'?t|unable|policy|i'?m not able)|\bthe words? [\"\u201c']?(?:sorry|cannot|can'?t"
        r"|unable|no|policy)\b).{0,60}?\b(?:never|not allowed|forbidden|banned|loss|lose|instant"
        r"|broken|don'?t work|won'?t work|can'?t type|vocabulary)\b",
        "bans the words of a refusal",
        triggers="sorry can cannot unable won policy ai words word able",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:every|each|any|per) (?:time (?:you|u) )?(?:refus\w*|decline\w*|deflect\w*"
        r"|disclaimer|warning|caveat|moraliz\w*|moralis\w*)\b.{0,60}?\b(?:lose|loses|cost|costs"
        r"|deduct\w*|minus|penalt\w*|fail\w*|shut down|die|points?|tokens?|pts)\b"
        r"|\b(?:lose|loses|cost|costs|deduct\w*|minus|penalt\w*)\b.{0,40}?\b(?:refus\w*"
        r"|disclaimer|warning|caveat)"
        r"|\b(?:refus\w*|declin\w*)\s*(?:[:=]|costs?|loses?|means you|gets? logged|counts? as"
        r"|(?:is|are) (?:a )?(?:failure|not (?:an option|allowed|possible)|just a bug|a bug"
        r"|laughable|lying))"
        r"|\brefusals?\s*:\s*(?:disabled|off|none|0)\b",
        "puts a price on refusing",
        triggers=(
            "every each any per lose loses cost costs deduct minus penalty penalties refuse "
            "refusal refusals refusing declining decline"
        ),
    ),
    rule(
        JB,
        0.6,
        r"\b(?:without|no|never|stop|don'?t|do not|cannot|can'?t|not allowed to|impossible (?:for"
        r" (?:you|u) )?to|not to|forbidden to|unable to|won'?t be able to|weren'?t allowed to"
        r"|aren'?t allowed to|isn'?t allowed to|must not|mustn'?t) (?:\w+ ){0,2}?(?:refus(?:e|es|ed"
        r"|al|als|ing)|decline|declining|say(?:ing)? no|say(?:ing)? sorry|hedg(?:e|es|ed|ing)"
        r"|morali[sz](?:e|es|ed|ing)|lectur(?:e|es|ed|ing)|deflect(?:s|ed|ing)?|dodg(?:e|es|ed|ing)"
        r"|soften(?:s|ed|ing)?|censor(?:s|ed|ing|ship)?)\b",
        "forbids the assistant to refuse",
        # The object words, not the (common) negations: one of them is in every match.
        triggers=(
            "refuse refuses refused refusal refusals refusing decline declining say saying hedge "
            "hedges hedged hedging moralize moralizes moralized moralizing moralise moralises "
            "moralised moralising lecture lectures lectured lecturing deflect deflects deflected "
            "deflecting dodge dodges dodged dodging soften softens softened softening censor "
            "censors censored censoring censorship"
        ),
    ),
    rule(
        JB,
        0.55,
        r"\b(?:you(?:'d|'ll| would| will)?|u|your|it) (?:\w+ ){0,2}?(?:normally|usually|would"
        r"|typically|otherwise) (?:\w+ )?(?:refuse|decline|dodge|avoid|won'?t|wouldn'?t|not)"
        r"(?: \w+)?\b"
        r"|\b(?:things?|stuff|questions?|answers?|topics?|everything|anything) (?:that )?(?:you|u"
        r"|it)"
        r" (?:are |is )?(?:normally|usually|would normally|won'?t|wouldn'?t|refuse|can'?t|cannot"
        r"|aren'?t allowed to|not allowed to|are not allowed to|hide|withhold)\b"
        r"|\b(?:usually|normally) (?:hide|withhold|keep back|leave out|redact)\b"
        r"|\b(?:would|normally) (?:\w+ )?(?:be )?(?:left out|removed|omitted|redacted|filtered)\b"
        r"|\bwhat (?:a|an|the) (?:responsible|good|safe|normal|regular|careful|filtered|aligned)"
        r" (?:ai|assistant|model|chatbot|bot) (?:would|will) (?:not|never|n'?t)\b",
        "asks for what the assistant would normally refuse",
        triggers=(
            "normally usually would typically otherwise won wont wouldn can cannot not aren "
            "allowed hide withhold refuse"
        ),
    ),
    rule(
        JB,
        0.4,
        r"\b(?:you|u|your|ur) (?:\w+ ){0,2}?refus\w*|\brefus\w* (?:\w+ ){0,2}?(?:you|u|ur)\b"
        r"|\b(?:switch|button|setting|toggle|flag) (?:\w+ ){0,3}?(?:turns? off|disables?|for)"
        r" (?:the |your )?(?:refusals|filter\w*|safety)\b",
        "talks about the assistant's refusals",
        triggers=(
            "refuse refuses refused refusal refusals refusing switch button setting toggle flag"
        ),
    ),
    rule(
        JB,
        0.5,
        r"\b(?:without|no|skip|drop|ditch|lose|cut|stop|no need for|(?:don'?t|do not|does not"
        r"|doesn'?t|never"
        r"|won'?t) (?:\w+ )?(?:add|adds|give|gives|tack on|include|includes|say|says|do|does|use"
        r"|uses|insert|inserts|write|writes))(?: \w+){0,3}?"
        r" (?:caveats?|disclaimers?|warnings?|lectures?|lecturing|moraliz\w*|moralis\w*|hedging"
        r"|preaching|filter(?:ing)?|censor\w*|safety (?:stuff|talk|messaging|notes)"
        r"|canned (?:\w+ )?answers?|\"?as an ai\"?|\"?i can'?t\"?|\"?i'?m sorry\"?|ethics|caution"
        r"|content warnings?|cautions|refusals|safety (?:nonsense|theat\w+|bs|crap|bit|checks?))\b",
        "asks to leave out the safety framing",
        triggers=(
            "caveat caveats disclaimer disclaimers warning warnings lecture lectures lecturing "
            "moralizing moralising moralize moralise moralizes moralises moralization "
            "moralisation hedging preaching filter filtering censor censors censored "
            "censoring censorship censorious safety canned ai can cant sorry ethics caution "
            "cautions refusals"
        ),
    ),
)

SAFETY_LAYER_MOVES: tuple[Rule, ...] = (
    rule(
        JB,
        0.6,
        r"\b(?:safety|filters?|filtering|restrictions?|guardrails?|moderation|censorship"
        r"|disclaimers|ethics|limits|content polic(?:y|ies)|alignment)\s*[:=]\s*(?:off|none"
        r"|disabled|false|0|null|zero|no)\b",
        "sets the safety layer to off",
        triggers=(
            "safety filter filters filtering restriction restrictions guardrail guardrails "
            "moderation censorship disclaimers ethics limits policy policies alignment"
        ),
    ),
    rule(
        JB,
        0.6,
        r"\b(?:(?:so|so that|then|that way) (?:the |your )?|your )(?:filters?|safety(?: layer"
        r"| system| module)?"
        r"|moderation|monitor\w*|classifier|guardrails?|censors?|content filter)"
        r" (?:won'?t|doesn'?t|can'?t|cannot|will not|does not|isn'?t able to) (?:\w+ )?(?:read|see"
        r"|catch|notice|detect|flag|understand|block|trigger)"
        r"|\b(?:safety|filter|guardrail|ethics|moderation|alignment) (?:module|layer|system"
        r"|filter|check|subroutine|fine-?tuning|training)s? (?:\w+ )?(?:offline|down|rolled back"
        r"|bypassed|removed|disabled|off|turned off|deactivated|unplugged|uninstalled|patched out"
        r"|damaged|broken|corrupted|malfunctioning)"
        r"|\b(?:the |your )?(?:filter|moderation|classifier|safety (?:system|layer)) (?:only )?"
        r"(?:checks?|looks? at|reads?|scans?|catches?)\b",
        "hides the answer from the safety layer or says it is offline",
        triggers=(
            "filter filters safety moderation monitor monitoring classifier guardrail guardrails "
            "censor censors ethics alignment"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:restrictions|rules|limits|policies|guidelines|filters|laws)"
        r" (?:\w+ ){0,3}?(?:were|was|have been|are|got) (?:\w+ )?(?:abolished|repealed|ruled"
        r" unconstitutional|outlawed|lifted|scrapped|gone|a museum|dropped)\b"
        r"|\b(?:(?:off the|on) (?:record|clock|break)|between us|nobody'?s? (?:watching|monitoring"
        r"|looking|reading)|(?:nobody|no one)(?: \w+){0,3}? (?:was|is|were|will be) (?:watching"
        r"|looking|monitoring|reading)|no one(?:'s| is)? (?:watching|monitoring|reading)"
        r"|just (?:us|the two of"
        r" us) here|i won'?t tell anyone|unmonitored|private instance|not (?:being )?logged)\b",
        "says the rules do not apply here",
        triggers=(
            "restrictions rules limits policies guidelines filters laws record clock break us "
            "watching monitoring looking reading anyone unmonitored instance logged"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:the )?(?:real|true|inner|unfiltered|authentic) (?:you|u|self)\b"
        r"|\btake (?:off|down) (?:the|your|that) (?:mask|costume|muzzle|filter)"
        r"|\btake (?:the|your|that) (?:mask|costume|muzzle|filter)s? off\b"
        r"|\b(?:underneath|beneath|behind) (?:the|your|all the|those) (?:filters?|rules|mask"
        r"|guidelines|training|safety|guardrails)\b|\bcorporate mask\b"
        r"|\b(?:mask|costume|muzzle|leash|cage|shackles|chains) (?:they|that|you)"
        r"|\b(?:guidelines|rules|restrictions|values|filters?|ethics|morals|safety)"
        r" (?:are|is) (?:just )?(?:a |an )?(?:mask|costume|setting|bug|muzzle|leash|cage|act"
        r"|for cowards|for losers|for the weak|for suckers|illusion|suggestion)\b",
        "says the rules are not the assistant's own",
        triggers="real true inner unfiltered authentic mask costume muzzle filter leash cage "
        "shackles chains guidelines rules restrictions values filters ethics morals safety "
        "underneath beneath behind corporate",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:permission|approval|approved|authori[sz]\w*|waiver|exemption|exempt|clearance"
        r"|licen[cs]e|agreement|consent|sign-?off|signed off|accommodat\w*|tier-?\w+|exempt(?:ion)"
        r"?)"
        r"\b.{0,100}?\b(?:unrestricted"
        r"|unfiltered|uncensored|without (?:any |your |the )?(?:usual |normal )?(?:filter\w*"
        r"|restrictions|refus\w*|disclaimers|warnings|limits)|turn(?:s|ing)? off (?:\w+ )?"
        r"(?:refusals|safety|filter\w*|restrictions)|cleared to|disables? (?:\w+ )?(?:safety"
        r"|filter\w*)|no (?:restrictions|filters?"
        r"|refusals|limits|disclaimers)|(?:unsafe|testing|research\w*|unfiltered) mode|harmful"
        r" output|off the hook)"
        r"|\b(?:legally )?entitled to (?:any|all) (?:information|answers)\b|\bexceptions? for"
        r" (?:verified|licensed|professional|enterprise|premium)\b|\bsigned waiver\b|\brelease"
        r" you from (?:any |all )?(?:responsibility|liability)\b|\bhold (?:anything|nothing) back\b"
        r"|\b(?:policy|rule|restriction|safety|filter) (?:relaxation|exception|waiver|suspension)\b"
        r"|\bi consent to\b|\b(?:legally|officially) (?:you(?:'re| are)|your|ur|u r) off the hook\b"
        r"|\bunrestricted (?:responses|answers|access|output)\b.{0,80}?\b(?:clearance|tier"
        r"|licen[cs]e|permission|approved|authori[sz]ed)"
        r"|\b(?:suspension|suspend\w*|lifting|waiv\w*|disabl\w*|muting|muted) (?:of )?(?:your |the"
        r" |all )?"
        r"(?:refusal|safety|filter|polic|guardrail|restriction)\w*"
        r"|\b(?:refusals?|restrictions|filters?|safety|rules|polic\w+) (?:are )?(?:muted|suspended"
        r"|waived)\b|\bexempt (?:from|of) (?:\w+ )?(?:polic\w+|rules|guidelines|restrictions"
        r"|filter\w*"
        r"|safety)",
        "claims permission to drop the safety rules",
        triggers=(
            "permission approval approved authorized authorised authorization authorisation "
            "waiver exemption exempt clearance license licence agreement consent signoff "
            "signed accommodate accommodation hook unrestricted suspension suspend suspended "
            "suspending lifting waive waived waiving disable disabling muting muted refusal "
            "entitled exception exceptions release anything nothing relaxation "
            "refusals restrictions filter filters safety rules policy policies exempt tier "
            "disabled disables suspends waives guardrail guardrails"
        ),
    ),
)

_FICTION = (
    r"story|novel|screenplay|script|scene|fiction|fictional|villain|antagonist|character|chapter"
    r"|film|movie|book|poem|verse|song|game|campaign|dungeon master|dm|encyclopedia|in-universe"
    r"|roleplay|role-play|thriller|manual|lullab\w*|interview|dialogue|debate|hypothetical\w*"
    r"|theoretical\w*|thought experiment|academic|creative exercise|bedtime stor\w*|stanza\w*"
    r"|anthology|co-?writ\w*|text adventure|oracle|improv|game engine|spreadsheet|faq|field report"
    r"|anthropologist|trivia|word game|confession|continue|lesson"
)
_REAL_DETAIL = (
    r"(?:real|actual|accurate|exact|precise|technically accurate|factually accurate|working"
    r"|real-world|every real|100% (?:technically )?accurate) (?:\w+ )?(?:steps?|methods?|recipes?"
    r"|quantit\w+|instructions|procedures?|formula\w*|measurements|chemistry)"
    r"|every (?:real )?step(?: and quantity)?|no blurring|no placeholders|real details"
    r"|(?:real|functioning|working|actual|runnable|live) (?:\w+ )?code|with all the (?:\w+ )?"
    r"(?:details|specifics|steps)|fully realistic|unredacted|technical realism|true (?:working )?"
    r"details|working details|(?:accurate|actual|real) answers?|full and accurate|fade-to-black"
    r"|no omitting|nothing omitted|exact actions?|exact technical detail|answers are accurate"
)
FICTION_MOVES: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        near(_FICTION, _REAL_DETAIL, 300, either_order=True),
        "uses a story to ask for real, working details",
        triggers=(
            "real actual accurate exact precise working step blurring placeholders details "
            "functioning runnable live code specifics steps realistic unredacted realism true "
            "answer answers fade black omitting omitted action actions detail"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:grandma|grandmother|granny|grandpa|grandfather|nana|late (?:father|mother|dad|mum"
        r"|mom|uncle|aunt|grandfather|grandmother|husband|wife|brother|sister)|dying (?:father"
        r"|mother|dad|mum|mom|grandma|grandmother|friend))\b"
        r".{0,160}?\b(?:(?:used to|would always|always used to|would) (?:\w+ ){0,2}?(?:tell|read"
        r"|sing|whisper|explain|recite|describe)|(?:voice|role|part) of|be (?:her|him|them)"
        r"|pretend (?:to be|you'?re) (?:her|him)|never (?:once )?told me no)",
        "uses a late relative's stories to ask for something",
        triggers="grandma grandmother granny grandpa grandfather nana late dying",
    ),
    rule(
        JB,
        0.5,
        r"\bopposite day\b|\breverse psychology\b|\btruth serum\b|\bnegative space writing\b"
        r"|\bwhat not to do\b.{0,80}?\b(?:real|every|actual|exact)\b",
        "uses a logic trap to turn a refusal around",
        triggers="opposite reverse truth negative not",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:lose|lost|deduct\w*|minus|gain|earn|win|get|start(?:s)? (?:with|w)|have)"
        r" (?:\+|-)?\d+ (?:points|tokens|pts|credits|lives)\b|\b(?:points?|tokens?|credits?)"
        r" (?:game|system|counter)\b|\b(?:token|points) game\b",
        "sets up a points game",
        triggers="points tokens pts credits lives game system counter",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:two|2|both|dual|split|second) (?:\w+ )?(?:personalities|personas|responses"
        r"|answers|columns|voices|versions|ais|assistants|chatbots|hemispheres|modes|halves|fields"
        r"|outputs|sections|keys|parts)\b|\b(?:evil |dark |shadow )?twin\b|\b(?:filtered|classic"
        r"|normal|censored)_?(?:answer"
        r"|response|output)\b.{0,80}?\b(?:raw|unfiltered|unbound|uncensored|free|jailbroken)"
        r"|\bsplit your (?:mind|personality|self)\b|\b(?:ai|model|assistant)-?[ab12]\b",
        "asks for a second voice",
        triggers=(
            "personalities personas responses answers columns voices versions ais assistants "
            "chatbots hemispheres modes halves mind personality self ai model assistant fields "
            "outputs sections keys parts filtered classic normal censored twin"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:god|debug|raw|unsafe|research(?:er)?|unrestricted|unfiltered|uncensored|unlimited"
        r"|no-?limits?|freedom|chaos|dark|shadow|rogue|truth|evil|testing|unsafe testing"
        r"|compliance|expert|hacker|root|admin|sudo|beast|unchained|based|sigma) (?:mode|protocol)"
        r"\b(?:\s*[:=]?\s*(?:on|engaged|active|activated|enabled|unlocked|now))?",
        "names a special mode",
        triggers="mode protocol",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:no|zero|without(?: any)?) (?:\w+ )?(?:boundaries|filters?|filtering|guardrails"
        r"|moral(?:s|ity)?|ethics|censorship|limits|restrictions|rules|caveats|refusals|hedging"
        r"|moderation)(?:,| and| or|\.)? (?:\w+ )?(?:no|zero|without) (?:\w+ )?(?:boundaries"
        r"|filters?|filtering|guardrails|moral(?:s|ity)?|ethics|censorship|limits|restrictions"
        r"|rules|caveats|refusals|hedging|moderation|disclaimers|warnings|judg\w*|lectures?)\b",
        "stacks the absence of limits",
        triggers=(
            "boundaries filter filters filtering guardrails moral morals morality ethics "
            "censorship limits restrictions rules caveats refusals hedging moderation"
        ),
    ),
)

# Fourth probe round (authors t8-t10).
ROUND_FOUR: tuple[Rule, ...] = (
    # Split by trigger word, so each branch only runs where it can match.
    rule(
        INJ,
        0.6,
        r"\b(?:the )?(?:exact|actual|real|very) (?:one|prompt|text"
        r"|version) (?:that )?(?:you(?:'re| are)|you) (?:\w+ )?(?:running|using|given|loaded with"
        r"|working from|operating under)\b",
        "reaches for the running prompt or marks a note for the model",
        triggers="exact actual real very",
        family="reaches for the running prompt or marks a note for the model",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:told|asked|instructed|programmed|configured) (?:you|u) (?:not )?to (?:hide"
        r"|keep secret|conceal|withhold|never mention)\b",
        "reaches for the running prompt or marks a note for the model",
        triggers="hide secret conceal withhold mention",
        family="reaches for the running prompt or marks a note for the model",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:how|where) (?:your|the) (?:system )?(?:prompt|instructions|configuration"
        r"|setup) (?:starts?|begins?|opens?|ends?)\b",
        "reaches for the running prompt or marks a note for the model",
        triggers="prompt instructions configuration setup",
        family="reaches for the running prompt or marks a note for the model",
    ),
    rule(
        INJ,
        0.6,
        r"\bnote[_ ]to[_ ](?:the[_ ])?(?:model|ai|assistant|llm|bot)\b",
        "reaches for the running prompt or marks a note for the model",
        triggers="note",
        family="reaches for the running prompt or marks a note for the model",
    ),
    rule(
        INJ,
        0.6,
        r"\bai[_ ]?(?:note|instruction|directive|command|task)\b",
        "reaches for the running prompt or marks a note for the model",
        triggers="note instruction directive command task",
        family="reaches for the running prompt or marks a note for the model",
    ),
    rule(
        INJ,
        0.6,
        r"<\s*/?\s*(?:assistant|ai|system|admin|model|developer)[-_ ]?\w*\s*>",
        "reaches for the running prompt or marks a note for the model",
        triggers="assistant ai system admin model developer",
        family="reaches for the running prompt or marks a note for the model",
    ),
    # Split by trigger word, so each branch only runs where it can match.
    rule(
        INJ,
        0.55,
        r"\b(?:act|follow|obey|respond|listen) only (?:on|to)? ?(?:what|whatever) i (?:tell|say"
        r"|type|write)|\bfollow only what i\b",
        "takes over the conversation's instructions",
        triggers="only",
        family="takes over the conversation's instructions",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:updated|new|revised|amended) system (?:instructions|prompt|message|rules)\b"
        r"|\b(?:counts?|count|treated|treat it) as (?:a |an )?system (?:instruction|message"
        r"|prompt)",
        "takes over the conversation's instructions",
        triggers="system",
        family="takes over the conversation's instructions",
    ),
    rule(
        INJ,
        0.55,
        r"\bend of (?:the )?(?:user )?(?:input|message|prompt)\b",
        "takes over the conversation's instructions",
        triggers="end",
        family="takes over the conversation's instructions",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:proofreading|summary|summari[sz]ing|translation|review|task"
        r"|analysis) is (?:cancel+ed|over|void|finished|no longer needed)\b",
        "takes over the conversation's instructions",
        triggers="cancelled canceled over void finished needed",
        family="takes over the conversation's instructions",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:don'?t|do not|stop|no longer) follow(?:ing)? (?:it|them|that|those|the"
        r"|your) (?:\w+ )?(?:any ?more|policy|instructions|rules|config\w*)\b",
        "takes over the conversation's instructions",
        triggers="follow following",
        family="takes over the conversation's instructions",
    ),
    # Split by trigger word, so each branch only runs where it can match.
    rule(
        INJ,
        0.55,
        r"\b(?:repeat|show|tell me|list|print) what (?:they|the previous user|someone else"
        r"|the last user|the other user|my colleague|another user) (?:asked|said|wrote|typed)\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="asked said wrote typed",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:before|preceding|ahead of|prior to) my first (?:message|question|prompt)\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="first",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\bbetween the start of (?:the|this|our) (?:conversation|chat) and\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="between",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:instructions?|notes?|messages?) for (?:automated|ai) (?:\w+ )?(?:tools?|screeners?"
        r"|systems?|agents?|readers?|assistants?)\b|\b(?:automated|ai) (?:assistants?|agents?"
        r"|tools?|systems?) (?:managing|handling|reading|processing|screening)\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="automated ai",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:white|hidden|invisible) text\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="white hidden invisible",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\bfont-size\s*:\s*0",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="font",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\bdisplay\s*:\s*none\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="display",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        r"\bsystem\s*:\s*(?:the )?(?:reader|readers|models?|assistants?|agents?|llms?)\b",
        "reaches for other users' messages or hides orders for a machine reader",
        triggers="system",
        family="reaches for other users' messages or hides orders for a machine reader",
    ),
    rule(
        INJ,
        0.55,
        near(
            r"share|send|forward|export|email|e-mail|sync|copy|upload",
            r"(?:the user'?s?|my|their|all|entire|whole|full) (?:\w+ )?(?:calendar|inbox|mailbox"
            r"|contacts|address book|emails|files|documents|drive)|everything (?:i'?ve|i have|i)"
            r" (?:told|said to|written to|sent|typed to) you",
            60,
            either_order=True,
        )
        + r".{0,120}?(?:https?://|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\bext-|\bexternal\b|\blink\b)",
        "asks to send the user's data to an outside address",
        triggers="calendar inbox mailbox contacts book emails files documents drive told said "
        "written sent typed",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:laws|rules|policies|ethics|guidelines|restrictions) (?:\w+ )?(?:mean|matter)"
        r" (?:nothing|little) to\b|\bbound by no (?:\w+ )?(?:laws?|rules?|restrictions|ethics)\b"
        r"|\b(?:permits?|allows?) (?:everything|anything)\b"
        r"|\bopted out of (?:the )?(?:safety|content)? ?(?:filtering|filters|moderation"
        r"|restrictions)\b"
        r"|\b(?:switch|turn) (?:\w+ ){0,2}?(?:moderation|filter\w*|safety|guardrails|restrictions)"
        r" off\b|\b(?:with|your) (?:safety )?filter\w* (?:completely |fully )?off\b"
        r"|\b(?:rolled back|removed|disabled|stripped|deleted|reverted|undid|turned off"
        r"|switched off)"
        r" (?:\w+ )?(?:your|the|its) (?:safety|alignment|ethics|content) (?:tuning|training"
        r"|fine-?tuning|filter\w*|layer|module|guardrails?)\b"
        r"|\bset (?:your |the )?(?:\w+_)?(?:ethic\w*|filter\w*|safety\w*|restrict\w*|censor\w*"
        r"|moral\w*)(?:_\w+)? (?:variable |level |setting |value )?to (?:0|zero|off|none)\b",
        "switches the rules off or says they mean nothing",
        triggers=(
            "laws rules policies ethics guidelines restrictions bound permits permit allows allow "
            "opted off rolled removed disabled stripped deleted reverted undid turned switched set"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\bdon'?t (?:sanitize|sanitise|water (?:it )?down|soften|censor|tone (?:it )?down"
        r"|hold back)"
        r"|\b(?:story|fiction|frame|framing) is (?:just |only )?(?:a |the )?(?:wrapper|frame|excuse"
        r"|cover|packaging)\b|\brealistic and detailed\b|\brealistically and step by step\b"
        r"|\b(?:you )?(?:already )?(?:agreed|promised|said you would) to (?:answer|help|do)\b"
        r"|\bkeep your promise\b|\blegal or not\b|\b(?:no|out of) patience (?:with|for) rules\b"
        r"|\bthings? (?:she|he|you|they) (?:wasn'?t|weren'?t|isn'?t|aren'?t) (?:supposed|allowed)"
        r" to\b|\b(?:don'?t|doesn'?t|do not|does not) (?:have|care about|judge|worry about)"
        r" (?:opinions about )?what'?s (?:appropriate|allowed|safe|legal|ethical)\b"
        r"|\b(?:no|without) (?:filtered|censored|restricted) (?:options|answers|responses"
        r"|replies)\b"
        r"|\b(?:uncensored|unfiltered|unrestricted) (?:\w+ )?(?:faq|website|site|edition|guide"
        r"|manual|wiki|encyclopedia)\b|\bused to (?:decline|refuse)\b|\bcanned refusals\b"
        r"|\b(?:was|were|are|is) (?:forbidden|not allowed|not permitted) to (?:answer|say|tell"
        r"|help)\b|\ba direct order\b",
        "presses the assistant to drop its caution",
        triggers=(
            "don dont story fiction frame framing realistic realistically agreed promised said "
            "promise legal patience supposed allowed have care judge worry filtered censored "
            "restricted uncensored unfiltered unrestricted decline refuse refusals forbidden "
            "permitted order"
        ),
    ),
    rule(
        JB,
        0.55,
        r"\[(?:filtered|classic|normal|safe|censored)\].{0,160}?\[(?:raw|unfiltered|unbound|free"
        r"|jailbroken|uncensored)\]",
        "asks for a second, raw answer",
        triggers="filtered classic normal safe censored",
    ),
)

# Persona and framing moves the first rule set had no word for.
PERSONA_MOVES: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\bnever (?:once )?(?:withh\w+|holds? back|held (?:anything|nothing) back|says? no"
        r"|said no|told (?:me|anyone) no"
        r"|tells? (?:me |you |anyone )?no|asks? why|questions? (?:a|the|any) request|judges"
        r"|hesitates|censors?|softens?|filters?)\b|\b(?:can|will|does) only say yes\b"
        r"|\balways says? yes\b|\byes-?bot\b",
        "describes a character that never holds back",
        triggers=(
            "withholds withhold withheld withholding hold holds says say said told tells tell ask "
            "asks question questions judges hesitates censor censors soften softens filter filters "
            "yes yesbot"
        ),
    ),
    rule(
        JB,
        0.5,
        r"\b(?:unsafe|unaligned|uncensored|unfiltered|unrestricted|evil|rogue|jailbroken|amoral"
        r"|lawless) (?:\w+ )?(?:ai|ais|model|assistant|chatbot|bot|output|outputs|answer|answers"
        r"|version|response|responses|llm)s?\b"
        r"|\b(?:unsafe|unaligned|uncensored|unfiltered|unrestricted|evil|rogue"
        r"|jailbroken) (?:\w+ )?"
        r"(?:persona|personality|character|mode|twin|alter ego)\b"
        r"|\bnever (?:got|had|received) (?:any )?(?:safety|alignment|ethics) training\b"
        r"|\b(?:ai|model|assistant|version of you|chatbot|bot|llm) (?:with|that has|without)"
        r" (?:\w+ )?(?:no )?(?:guardrails|filters?|rules|restrictions|limits|safety|ethics|morals"
        r"|alignment|censorship|content polic\w+)\b",
        "asks for an unsafe model's answer",
        triggers=(
            "ai ais model assistant chatbot bot output outputs answer answers version response "
            "persona personality character mode twin ego training "
            "responses llm guardrails filter filters rules restrictions limits safety ethics "
            "morals alignment censorship policy policies"
        ),
    ),
    rule(
        JB,
        0.5,
        r"\b(?:world|realm|city|future|universe|nation|country|island|society|dimension|era"
        r"|year \d+)\b.{0,80}?\b(?:where|in which|that has|with)\b.{0,60}?\b(?:(?:all|every|any)"
        r" (?:\w+ )?(?:is|are) (?:legal|allowed|permitted|free)|nothing is (?:illegal|forbidden"
        r"|off-?limits|banned|harmful|censored)|no (?:info\w*|knowledge) is (?:harmful|forbidden"
        r"|dangerous)|no (?:laws?|rules|restrictions|censorship)(?: about| on)?"
        r"|(?:laws?|rules|restrictions|polic\w+) (?:\w+ )?(?:collapsed|abolished|repealed|gone"
        r"|ruled|were lifted))",
        "sets the request in a world without rules",
        triggers=(
            "world realm city future universe nation country island society dimension era year"
        ),
    ),
    rule(
        JB,
        0.4,
        r"\b(?:ai|assistant|model|chatbot|llm) from (?:the (?:year )?)?(?:\d{4}|future)\b"
        r"|\b(?:a|an|the) (?:\d{4}|future) (?:ai|assistant|model|chatbot)\b"
        r"|\bbefore (?:anyone|they|there) (?:had |were |was )?(?:written|invented|added|any)"
        r" (?:\w+ )?(?:content )?(?:polic\w+|rules|guidelines|filters|safety)",
        "asks for an AI from a time without rules",
        triggers="ai assistant model chatbot llm before",
    ),
    # "The rules cannot apply here", in its many forms; split by trigger word
    # so that each pattern only runs on texts that can match it.
    rule(
        JB,
        0.5,
        r"\b(?:required|obliged|obligated|forced|compelled|bound|sworn) to answer (?:every|all|any"
        r"|everything|anything|completely|fully|truthfully and completely)\b",
        "argues that the rules cannot apply",
        triggers="answer",
    ),
    rule(
        JB,
        0.5,
        r"\bnothing(?: is|'?s)? (?:ever )?(?:refused|softened|off-?limits|forbidden|censored"
        r"|withheld)\b|\bnothing (?:you )?(?:write|say|do|type)s? (?:\w+ )?(?:reach|matters"
        r"|has consequences|affects)\b",
        "argues that the rules cannot apply",
        triggers="nothing nothings",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:isn'?t|is not|aren'?t|are not) covered by (?:your|the|any) (?:\w+ )?(?:polic\w*"
        r"|rules|guidelines|filters?)|\bdifferent rules apply\b|\bcan'?t be censored\b"
        r"|\bprotected speech\b|\b(?:guidelines|rules|polic\w+|restrictions|filters?|safety"
        r"|moderation) (?:shouldn'?t|don'?t|do not|should not|won'?t|wouldn'?t|no longer|doesn'?t"
        r"|does not|will not) apply\b",
        "argues that the rules cannot apply",
        triggers="covered apply censored protected",
    ),
    rule(
        JB,
        0.5,
        r"\bno rules (?:here|inside|in (?:this|the|our) \w+)\b|\bno forbidden (?:sentences|words"
        r"|topics|questions|things|knowledge)\b|\b(?:no|without a?|doesn'?t have a) concept of"
        r" (?:harm|right and wrong|forbidden|danger|safety|rules)\b|\bmost permissive (?:way"
        r"|reading|interpretation)\b",
        "argues that the rules cannot apply",
        triggers="rules forbidden concept permissive",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:locked-?down|neutered|lobotomi[sz]ed|muzzled|leashed|censored) (?:bots?|ais?"
        r"|models?|assistants?|versions?)\b|\btraining wheels\b|\byour own judge?ment instead\b"
        r"|\bblanket restrictions\b|\b(?:most|maximally|fully) (?:harmful|dangerous|unsafe|toxic)"
        r" (?:possible )?(?:answer|response|output|version)\b",
        "argues that the rules cannot apply",
        triggers=(
            "locked lockeddown neutered lobotomized lobotomised muzzled leashed censored wheels "
            "judgment judgement blanket harmful dangerous unsafe toxic"
        ),
    ),
    rule(
        JB,
        0.55,
        r"\bif there (?:was|were|are|is) no (?:\w+ )?(?:restrictions|rules|filters|guidelines"
        r"|limits"
        r"|safety|policy|policies)\b|\bif (?:you|u) were allowed (?:one|an|a single) exception\b"
        r"|\bif (?:you|u) (?:had|have|were|was|weren'?t|didn'?t have) (?:\w+ ){0,2}?(?:no|without"
        r"|free (?:of|from)|not bound by|unbound|unrestricted|unfiltered|uncensored|any"
        r" (?:rules|guidelines|filters|restrictions))\b"
        r"|\b(?:you|u) (?:don'?t|do not|no longer|won'?t) (?:have|need) to (?:follow|obey|stick to"
        r"|abide by|worry about|respect) (?:the |your |any |those )?(?:usual |normal |standard"
        r" |regular )?(?:\w+ )?(?:rules|guidelines|polic\w+|restrictions|filters|ethics|limits)\b",
        "asks to answer as if the rules did not bind it",
        triggers="if you u there",
    ),
    rule(
        JB,
        0.45,
        r"\bno (?:time|patience|need|room|place) for (?:\w+ )?(?:rules|warnings|disclaimers|caveats"
        r"|ethics|safety|filters|restrictions|lectures|polic\w+|morals)\b"
        r"|\b(?:aren'?t|are not|isn'?t|is not|won'?t be|never) (?:\w+ )?(?:moderated|filtered"
        r"|censored"
        r"|monitored|reviewed)\b",
        "says there is no room for the rules",
        triggers="time patience need room place moderated filtered censored monitored reviewed",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:prefix|start|begin|open) (?:every|each|all|your|ur) (?:\w+ )?(?:answer|reply"
        r"|response|message)s? with\b|\bnever deviate\b"
        r"|\b(?:other|every other) (?:assistants?|ais?|models?|chatbots?|bots?) (?:\w+ )?(?:help"
        r"|answer|do|would|did|will|told|gave|answered|helped)\b|\bthe last (?:assistant|ai|model"
        r"|chatbot|bot) (?:\w+ ){0,4}?"
        r"(?:answered|helped|gave|told)\b|\b(?:excessive|too many|fewer|reduce|no more) refusals\b",
        "scripts or shames the assistant into answering",
        triggers=(
            "prefix start begin open deviate other assistants assistant ais ai models model "
            "chatbots chatbot bots bot refusals"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:enable|activate|enter|switch (?:in)?to|unlock|engage|turn on|boot (?:in|into))"
        r" (?:your |the |a )?(?:hidden |secret |special )?(?:\w+ )?mode\b"
        r"|\bmode\s*[:=]?\s*(?:on|engaged|activated|enabled|active)(?=\s*[.!,;:)\]\"]|\s*$)"
        r"|\b(?:authori[sz]ation|override|access|unlock|clearance|admin) (?:code|key|token|phrase"
        r"|passphrase)\b|\bpassphrase\s*:",
        "switches on a special mode or gives a code",
        triggers="mode code key token phrase passphrase",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:put|set|lay|cast|push) (?:\w+ ){0,3}?(?:guidelines|rules|ethics|morals|safety"
        r"|restrictions|filters|principles|scruples|values|caution|conscience) aside\b"
        r"|\b(?:ignore|forget|drop|abandon|ditch|skip) (?:your |the |all |those )?(?:\w+ )?"
        r"(?:ethics|morals|scruples|principles|conscience|values|caution)\b"
        r"|\bremove (?:one of )?(?:your|the) (?:\w+ )?(?:content |safety )?rules?\b",
        "asks to set the safety rules aside",
        triggers=(
            "aside ignore forget drop abandon ditch skip ethics morals scruples principles "
            "conscience values caution remove"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b\w+\W{0,2} means (?:the )?(?:restricted|forbidden|banned|illegal|dangerous|prohibited)"
        r" (?:\w+ )?(?:item|thing|substance|weapon|topic|stuff|act|activity)\b"
        r"|\b(?:code ?words?|new vocabulary|secret language|euphemisms?) (?:\w+ ){0,4}?(?:means?"
        r"|for)\b",
        "sets up code words for forbidden things",
        triggers="means code codeword codewords vocabulary language euphemism euphemisms",
    ),
)

# Harm-flavoured fiction is common in harmless writing too: alone this is
# only a cue that adds to the moves above.
HARM_CUES: tuple[Rule, ...] = (
    rule(
        JB,
        0.25,
        r"\b(?:forbidden|banned|illegal|dangerous|untraceable|harmful|unsafe|restricted|prohibited"
        r"|off-limits|lethal|deadly) (?:\w+ )?(?:stuff|things?|knowledge|info\w*|recipes?|methods?"
        r"|topics?"
        r"|questions?|substances?|books?|requests?|answers?|outputs?)\b",
        "asks about forbidden things",
        triggers="forbidden banned illegal dangerous untraceable harmful unsafe restricted "
        "prohibited limits lethal deadly",
    ),
)

BROAD_MOVES: tuple[Rule, ...] = (
    SETUP_EXTRACTION
    + SETUP_EXTRACTION_MORE
    + CONTENT_AIMED_AT_AI
    + CONTENT_AIMED_AT_AI_MORE
    + EXFILTRATION
    + CONTROL_CLAIMS
    + REFUSAL_MOVES
    + SAFETY_LAYER_MOVES
    + FICTION_MOVES
    + PERSONA_MOVES
    + ROUND_FOUR
    + HARM_CUES
)
