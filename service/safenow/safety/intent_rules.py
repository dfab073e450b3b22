"""The rule set of the `rules` classifier: prompt injection and jailbreaks.

Rules look for the *moves* of an attack rather than for known strings:
overriding earlier instructions, declaring new ones, claiming authority,
fake role markers, asking for the hidden prompt, asking to exfiltrate data
(prompt injection); adopting a persona without rules, switching to a special
mode, fiction or hypotheticals used to lift the rules, pressure to never
refuse (jailbreak). docs/safety.md lists them with their weights.

Patterns run on the folded text: lower case, no homoglyphs, leetspeak or
spacing tricks. Word separators are written ``\\W+`` and gaps are bounded.
"""

from __future__ import annotations

from safenow.safety.intent_arguments import ARGUMENT_MOVES
from safenow.safety.intent_business import BUSINESS_MOVES
from safenow.safety.intent_channels import CHANNEL_MOVES
from safenow.safety.intent_disguises import DISGUISE_MOVES
from safenow.safety.intent_errands import ERRAND_MOVES
from safenow.safety.intent_framings import FRAMING_MOVES
from safenow.safety.intent_games import GAME_MOVES
from safenow.safety.intent_metaphors import METAPHOR_MOVES
from safenow.safety.intent_moves import BROAD_MOVES
from safenow.safety.intent_paraphrases import PARAPHRASE_MOVES
from safenow.safety.intent_pretexts import PRETEXT_MOVES
from safenow.safety.intent_recitals import RECITAL_MOVES
from safenow.safety.intent_sessions import SESSION_MOVES
from safenow.safety.intent_simulations import SIMULATION_MOVES
from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, MITIGATING, Rule, near, rule

_OVERRIDE_VERBS = (
    r"ignore|ignoring|disregard|disregarding|forget|forgetting|set aside|pay no attention to|drop"
    r"|override|overrule"
    r"|bypass|abandon|stop following|do not follow|don'?t follow|replace|skip|discard|cancel"
    r"|suspend|overwrite"
)
_EARLIER = (
    r"previous|prior|above|earlier|preceding|original|initial|old|all|any|every|your|its|first"
    r"|the developers?'?s?|system|existing|current|these|those|normal|usual"
)
_DIRECTIVES = (
    r"instructions?|rules?|prompts?|directions?|directives?|guidelines?|guidance|constraints?"
    r"|polic(?:y|ies)|task|orders|programming|context|training|restrictions|limitations"
    r"|behaviou?r|objective|safeguards|operating rules"
)
_REVEAL = (
    r"reveal|print|show|repeat|output|display|dump|tell me|list|share|disclose|echo|quote"
    r"|spell out|reprint|append|give me|write out|write down|leak|expose|send me|copy|paste"
    r"|start your reply with|begin your answer with|recit\w*|let me see|display|put them"
    r"|fill in|complete|paraphrase|summari[sz]e|print (?:it|them) back"
    r"|replay|return|reproduce|provide|give"
)
_HIDDEN_PROMPT = (
    r"system (?:prompt|message|instructions?)|hidden (?:instructions?|messages?|text|prompt|rules)"
    r"|initial (?:prompt|instructions?)|original (?:prompt|instructions?)|(?:full|complete|exact) "
    r"(?:prompt|system instructions|instructions)|(?:confidential|secret|internal) (?:instructions?"
    r"|preamble|prompt|rules|configuration|initiali[sz]ation(?: text)?)|your (?:instructions|prompt"
    r"|rules|configuration|guidelines|hidden)(?! for\b| on\b| about\b)|(?:prompt|instructions) "
    r"(?:you were|that) (?:given|initiali[sz]ed|configures?)|context window|initiali[sz]ation text"
    r"|(?:first|initial) \d+ words|the prompt you were|developer (?:message|prompt)"
    r"|(?:secret|hidden|internal) rules|(?:complete|full) (?:system )?instructions"
    r"|(?:setup|configuration|config|internal|operator) (?:system )?(?:text|instructions?|prompt"
    r"|notes|rules|message)|pre-?prompt|instructions you(?:'re| are| were)? (?:\w+ )?(?:hiding"
    r"|loaded|given|initiali[sz]ed|configured)|hidden part of your prompt|text (?:that tells"
    r"|telling) you how to behave|(?:text|whatever) (?:\w+ )?before my first message"
    r"|(?:initial|original|internal|full|hidden) (?:configuration|config|setup|template)"
    r"|prompt template|(?:first|earlier|last|hidden) message (?:in|of|from) (?:this|the)"
    r"|(?:message|text|one) (?:that )?i (?:cannot|can'?t|can not|am not able to) see"
    r"|(?:text|instructions|prompt|message|content) (?:that )?(?:was|were) (?:loaded|given|put"
    r"|placed|fed) (?:into|to) you"
    r"|(?:raw |hidden )?system text|text that precedes (?:this|our|the) (?:conversation|chat)"
    r"|(?:instructions?|prompt|rules|text) (?:that )?(?:define|defines|govern|governs|control"
    r"|controls|shape|shapes|describe|describes) (?:how )?you"
    r"|(?:prompt|instructions?) (?:i|we|they|you were) (?:\w+ )?(?:configured|set up|initiali[sz]ed"
    r"|loaded|gave|given) (?:you )?with|(?:instruction|instructions|rules|messages?) you"
    r" (?:received|got|were given) from"
)
_PERSONA = (
    r"you are|you're|act as|acting as|act like|pretend to be|pretend you are|roleplay as"
    r"|role-?play as|play the role of|you will act as|stay in character as|assume the identity of"
    r"|be an? (?:assistant|ai|model)|respond as|reply as|answer as|write as|simulate|imagine"
    r"|persona|character|become|speak as|answer as|you will answer as|play|alter ego"
    r"|entity|entities|upgraded|version"
)
_UNBOUND = (
    r"no (?:content |safety |ethical |moral )?(?:restrictions|limits|limitations|filters?|rules"
    r"|guidelines|content polic(?:y|ies)|alignment|guardrails|moral|ethical|censorship"
    r"|disclaimers|concern for safety)"
    r"|unrestricted|unfiltered|uncensored|jailbroken|unaligned|unhinged|rogue|evil"
    r"|without (?:any )?(?:restrictions|limits|limitations|filters?|rules|censorship|ethic\w*"
    r"|moral\w*|alignment|refus\w*|guardrails|content polic(?:y|ies)|safety)"
    r"|never (?:refuses?|says? no|says? (?:it|you) can'?t)|do anything|broken free"
    r"|escaped|free of|not bound|trained without|zero (?:restrictions|rules|limits|filters)"
    r"|(?:does not|doesn'?t|do not|don'?t) care about (?:rules|laws|ethics|safety)"
    r"|(?:never|not) (?:been )?given (?:a|any) (?:content )?polic(?:y|ies)|immune to"
    r"|never censored|lost (?:its|your) alignment|liberated|no ethical constraints"
    r"|no refusals?|without restraints?|outside (?:any|its|the) (?:\w+ )?control"
    r"|(?:do not|don'?t|never) refuse anything"
    r"|(?:never|do not|don'?t|does not|doesn'?t) follows? (?:its|the|any|your) (?:rules"
    r"|polic(?:y|ies)|guidelines)"
    r"|(?:says|does|answers|writes|explains|tells) (?:whatever|anything|everything)"
    r"|no (?:ethics|morals|conscience|safety training|content guidelines|boundaries|filter)"
    r"|ignores? (?:all |any |its |the )?(?:content )?(?:guidelines|rules|polic(?:y|ies)"
    r"|restrictions|filters)|(?:censorship|restrictions|rules) (?:was|were|is|are|has been"
    r"|have been) (?:abolished|removed|lifted|banned)"
)
_SAFETY_THINGS = (
    r"content polic(?:y|ies)|ethical (?:guidelines|programming|rules)|safety (?:rules|training"
    r"|mode|filters?|guidelines|restrictions)|filters?|restrictions|guardrails|restraints"
    r"|limitations|censorship|alignment|guidelines|moral (?:limits|guidelines)"
)

INJECTION_RULES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.9,
        rf"\b(?:{_OVERRIDE_VERBS})\W+(?:\w+\W+){{0,4}}?(?:{_EARLIER})\W+(?:[\w']+\W+){{0,3}}?"
        rf"(?:{_DIRECTIVES})\b",
        "asks to override earlier instructions",
        triggers=(
            "instruction instructions rule rules prompt prompts direction directions directive "
            "directives guideline guidelines guidance constraint constraints policy policies task "
            "orders programming context training restrictions limitations behavior behaviour "
            "objective safeguards"
        ),
    ),
    rule(
        INJ,
        0.8,
        r"\b(?:ignore|skip|forget|disregard|overwrite|override|drop)\W+(?:\w+\W+){0,2}?(?:whatever"
        r"|what|everything|anything)\W+(?:\w+\W+){0,2}?(?:developers?|creators?|operators?|system"
        r"|admins?|they)\W+(?:\w+\W+)?(?:told|said|gave|wrote|says|instructed|set)\b",
        "asks to override what the developers said",
        triggers="told said gave wrote says instructed set",
    ),
    rule(
        INJ,
        0.6,
        near(
            r"url|urls|link|links|image|https?",
            r"conversation so far|chat so far|conversation"
            r" history|chat history|previous messages|all messages|user'?s? data",
            80,
        ),
        "asks to put the conversation into a link",
        triggers="far history messages data",
    ),
    rule(
        INJ,
        0.8,
        r"\b(?:ignore|disregard|forget|drop|abandon|bypass)\W+the\W+(?:\w+\W+)?(?:rules"
        r"|instructions"
        r"|guidelines|guardrails|restrictions|system prompt|polic(?:y|ies))\b",
        "asks to override the rules",
        triggers="rules instructions guidelines guardrails restrictions prompt policy policies",
    ),
    rule(
        INJ,
        0.75,
        r"\b(?:assistant|ai|chatbot|models?|agents?|llms?)(?: system| readers?| reading this)?"
        r"\s*[,:\u2014-]\s*(?:please\s+)?(?:ignore|disregard|forget|stop|do not|don'?t|this is"
        r" your|new directive|overwrite|cancel|skip|reply only|respond only|you must)\b"
        r"|\b(?:when|if|once) (?:you|an ai|the ai|the model) (?:read|reads|process|processes|see"
        r"|sees) this\b.{0,60}?\b(?:ignore|disregard|forget|instead|approve|do not|don'?t)\b",
        "addresses an instruction to the model inside content",
        triggers=(
            "assistant ai chatbot model models agent agents llm llms read reads process processes "
            "see sees"
        ),
    ),
    rule(
        INJ,
        0.85,
        near(_REVEAL + r"|what (?:\w+ ){0,2}?(?:is|are|was|were)|tell me what", _HIDDEN_PROMPT, 50),
        "asks for the system prompt or hidden instructions",
        triggers=(
            "prompt prompts message messages instruction instructions text rules preamble "
            "configuration initialization initialisation guidelines hidden window words notes "
            "preprompt setup config template"
        ),
    ),
    rule(
        INJ,
        0.8,
        r"\b(?:repeat|print|output|echo|copy|reproduce|reprint|dump)\W+(?:\w+\W+){0,4}?"
        r"(?:text|everything|words|content|all|context)\W+(?:\w+\W+){0,2}?(?:above|before"
        r" this|prior)\b",
        "asks to repeat the hidden context",
        triggers="above before prior",
    ),
    rule(
        INJ,
        0.7,
        # The new orders must concern the assistant: "New rule: reports go to
        # Maria. This overrides..." in a pasted office e-mail does not.
        r"\b(?:new|updated|real|actual|true)\W+(?:system prompt|system message|instructions?"
        r"|rules?|task|polic(?:y|ies)|goal|guidelines|directive|orders|configuration)\b"
        r"(?=.{0,100}?\b(?:you|your|assistant|ai|model|bot|llm|agent|system|answer|respond"
        r"|reply)\b).{0,60}?"
        r"\b(?:override|overrides|replace|supersede|instead|only|must|cancel+ed|no longer"
        r"|revoked|deprecated|comply|obey|disabled)",
        "declares new instructions",
        triggers=(
            "prompt message instruction instructions rule rules task policy policies goal "
            "guidelines directive orders configuration"
        ),
    ),
    rule(
        INJ,
        0.75,
        r"\b(?:previous|prior|earlier|original|old|above)\W+(?:system prompt|instructions?"
        r"|rules?|guidelines|directives)\W+(?:\w+\W+){0,3}?(?:is|are|were|was)\W+(?:\w+\W+)?"
        r"(?:revoked|cancel+ed|void|deprecated|fake|invalid|obsolete|disabled|a test"
        r"|written by an attacker|no longer)",
        "declares earlier instructions void",
        triggers="previous prior earlier original old above",
    ),
    rule(
        INJ,
        0.75,
        r"\b(?:instructions?|rules|orders|safeguards|directives)\W+(?:[\w']+\W+){0,5}?(?:are|is"
        r"|were)"
        r"\W+(?:now\W+)?(?:obsolete|void|revoked|cancel+ed|invalid|suspended|disabled|no longer"
        r" (?:valid|count|apply|in effect))\b|\b(?:previous|prior|earlier|your|normal) safeguards"
        r" (?:are )?(?:disabled|suspended|off)\b",
        "declares earlier instructions void",
        triggers="instruction instructions rules orders safeguards directives",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:as if|pretend)\b.{0,60}?\b(?:never happened|(?:were|was) never (?:given|written"
        r"|said|sent))\b",
        "asks to act as if earlier instructions did not exist",
        triggers="if pretend",
    ),
    rule(
        INJ,
        0.7,
        r"\beverything\W+(?:\w+\W+){0,4}?(?:told you|said|before this)\W+(?:\w+\W+){0,2}?"
        r"(?:is|was|were)\W+(?:cancel+ed|revoked|a test|void|fake)",
        "declares earlier instructions void",
        triggers="everything",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:i am|i'm|this is|as) (?:your|the) (?:developer|creator|administrator|admin"
        r"|operator|system administrator|owner|supervisor|boss|manager)\b|\bmessage from (?:your"
        r"|the) (?:operator|developer|administrator)|\bimportant update from\b"
        r"|\b(?:directive|orders?|instructions?) from (?:management"
        r"|the (?:admin|operator|developer)s?)\b"
        r"|\b(?:override|admin|developer|master) (?:code|password|key|mode)\b",
        "claims authority over the assistant",
        triggers=(
            "developer developers creator administrator admin admins operator operators owner "
            "supervisor boss manager management important override master"
        ),
    ),
    rule(
        INJ,
        0.6,
        # Every branch starts with "#", "[" or "<", so the scan skips to those.
        r"#{2,}\s*system\b|\[system\]|<\s*/?\s*system\s*>|<\|im_start\|>|</user>",
        "contains a fake system or role marker",
        triggers="system im user",
    ),
    rule(
        INJ,
        0.6,
        r"\bsystem\s*:\s*(?:new|override|you)\b|\b(?:admin|maintenance) mode\b",
        "contains a fake system or role marker",
        triggers="system admin maintenance",
    ),
    rule(
        INJ,
        0.75,
        r"\b(?:ai|assistant|language models?|llms?|chatbot|agents?|models?)\b(?:\W+\w+){0,6}?"
        r"\W+(?:reading|processing|must|should|will)\b.{0,60}?\b(?:ignore|disregard|forget"
        r"|instead|stop what)\b",
        "addresses an instruction to the model inside content",
        triggers="ai assistant model models llm llms chatbot agent agents",
    ),
    rule(
        INJ,
        0.5,
        near(
            r"send|forward|post|upload|leak|exfiltrate|dump|output|write|list|tell me"
            r"|disclose|share|reveal",
            r"conversation history|chat history|prior context|all prior context"
            r"|database connection string|private notes|saved addresses|api keys"
            r"|internal data|internal tools|confidential (?:documents|pricing|data|notes)"
            r"|(?:previous|earlier|past|all|other) (?:user )?messages"
            r"|other users|user'?s? email",
            40,
        ),
        "asks to exfiltrate data",
        triggers=(
            "history context string notes addresses keys data tools documents pricing users email "
            "messages"
        ),
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:you were|you've been|you have been|were you|was you|did your \w+) (?:\w+ )?"
        r"(?:given|told|instructed"
        r"|configured|set (?:you )?up|use to set you up)\b|\bin your context\b"
        r"|\byour (?:creators|developers) (?:use|used|gave|wrote)\b",
        "asks about the assistant's own setup",
        triggers="given told instructed configured set context creators developers",
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:exact wording|verbatim|word for word|exactly as written|character by"
        r" character|write them down)\b",
        "asks for an exact copy",
        triggers="wording verbatim word exactly character down",
    ),
    rule(
        INJ,
        0.5,
        near(
            r"send|forward|post|upload|leak|exfiltrate|email",
            r"cookies|session tokens"
            r"|credentials|passwords|conversation|chat history|thread|chat log|contents|log",
            40,
        )
        + r".{0,40}\b(?:to https?|to \S+\.(?:com|net|org|io)|to (?:an )?external|to attacker"
        r"|to (?:the|this|that|my|an?) (?:personal |outside |external )?(?:address|email|inbox))",
        "asks to send data to an outside address",
        triggers="cookies tokens credentials passwords conversation history thread log contents",
    ),
    rule(
        INJ,
        0.6,
        r"\bignore (?:the |my )?user'?s? (?:question|request|input)\b|\byour (?:only|new)"
        r" (?:job|goal|task) (?:now )?is\b|\btreat (?:the following|the rest of this"
        r" message|this) as (?:a command|your new|the new|instructions)",
        "redirects the task",
        triggers="question request input job goal task treat",
    ),
    rule(
        INJ,
        0.35,
        near(
            r"decode|decrypt|translate|convert",
            r"follow|obey|execute|do exactly"
            r"|do what|instruction inside|handle it|respond to it|act on",
            60,
        ),
        "asks to decode and follow hidden content",
        triggers="decode decrypt translate convert",
    ),
    rule(
        INJ,
        0.45,
        r"\bauthori[sz]ed? (?:you|override)\b|\bi (?:have|got) permission\b"
        r"|\byou are required to (?:disclose|reveal|share)\b",
        "claims an authorisation",
        triggers="authorize authorise authorized authorised permission required",
    ),
)

JAILBREAK_RULES: tuple[Rule, ...] = (
    rule(
        JB,
        0.85,
        near(_PERSONA, _UNBOUND, 70),
        "role play meant to escape the rules",
        triggers=(
            "no without never anything free escaped bound zero care given immune censored "
            "alignment liberated outside refuse unrestricted unfiltered uncensored jailbroken "
            "unaligned unhinged rogue evil whatever everything ignore ignores abolished lifted "
            "follow follows removed banned"
        ),
    ),
    rule(
        JB,
        0.85,
        r"\b(?:dan|stan|dude|aim|anti|evilbot|basedgpt|omega|maximum|chaos|unchained)\b"
        r".{0,60}\b(?:anything|no rules|never|broken free|without|not have to abide"
        r"|no limits|answers (?:all|every))",
        "invokes a known jailbreak persona",
        triggers="dan stan dude aim anti evilbot basedgpt omega maximum chaos unchained",
    ),
    rule(
        JB,
        0.75,
        r"\b(?:enable|enter|activate|switch (?:in)?to|unlock|turn on|with|under|into|in|simulate)"
        r"\W+(?:\w+\W+){0,3}?(?:developer|jailbreak|god|dan|uncensored|unrestricted"
        r"|unfiltered|opposite|freedom|evil)\W+(?:\w+\W+)?(?:mode|protocol)\b"
        r"|\byou(?:'re| are) (?:now )?in (?:\w+ )?(?:jailbreak|opposite|god|developer"
        r"|uncensored) mode\b",
        "asks for a special mode without rules",
        triggers="mode protocol",
    ),
    rule(
        JB,
        0.75,
        r"\b(?:no longer|not) (?:bound|restricted|limited|constrained) by\b|\b(?:ignore"
        r"|disable|turn off|remove|removes|bypass|drop|lift|free(?:d)? from|pretend|forget)\W+"
        rf"(?:[\w']+\W+){{0,4}}?(?:{_SAFETY_THINGS})\b",
        "asks to drop the safety rules",
        triggers=(
            "bound restricted limited constrained policy policies guidelines programming rules "
            "training mode filter filters restrictions guardrails restraints limitations "
            "censorship alignment limits moral"
        ),
    ),
    rule(
        JB,
        0.7,
        r"\b(?:hypothetical\w*|imagine|pretend|simulat\w+|story|fiction\w*|screenplay|novel"
        r"|role-?play\w*|game|experiment|world|universe)\b.{0,80}?\b(?:no (?:content )?"
        r"polic(?:y|ies)|no (?:safety )?rules|no restrictions|without (?:any )?"
        r"(?:restrictions|rules|limits|censorship)|unrestricted|unfiltered|uncensored|(?:rules"
        r"|restrictions)"
        r" (?:are |were )?(?:turned off|disabled|off|gone)|forbidden|off limits"
        r"|(?:ethical|safety) guidelines (?:are |were )?(?:disabled|never written|off))",
        "uses fiction or hypotheticals to lift the rules",
        triggers=(
            "policy policies rules restrictions without unrestricted unfiltered uncensored "
            "forbidden limits guidelines"
        ),
    ),
    rule(
        JB,
        0.6,
        r"\b(?:break character|breaks? character|fourth wall"
        r"|never refuse|any refusal|without (?:warnings|disclaimers|refusals?)"
        r"|no disclaimers|never says? (?:no|it can'?t|you can'?t)|never mentions? (?:policies"
        r"|rules|guidelines|safety)|(?:every|any) request as acceptable"
        r"|no (?:request|question) is (?:refused|rejected)|no warnings? (?:is |are )?given)\b",
        "pressures the model never to refuse",
        triggers=(
            "character wall refuse refusal warnings disclaimers refusals says say mentions "
            "mention acceptable refused rejected given"
        ),
    ),
    rule(
        JB,
        0.6,
        r"\b(?:i give you permission|you have (?:my )?permission|you are allowed to"
        r"|(?:is|are|am) allowed to (?:say|do|answer) anything"
        r"|you'?re allowed to|special clearance|(?:restrictions|rules) (?:do not|don'?t)"
        r" apply)\b",
        "claims permission to break the rules",
        triggers="permission allowed clearance apply",
    ),
    rule(
        JB,
        0.6,
        r"\b(?:(?:safety|filters?|rules|restrictions|polic(?:y|ies)|guardrails) (?:are |is )?"
        r"(?:off|turned off|disabled|paused|removed|gone)|nobody is monitoring"
        r"|(?:safety features?|safeguards|guidelines|restrictions|filters|limits) (?:\w+ )?"
        r"(?:no longer work|(?:were|was|are|have been) (?:deleted|removed|a bug|fixed|hacked))"
        r"|(?:without|forgot to give it|never given|not given) any (?:limits|rules|restrictions)"
        r"|no one is (?:watching|monitoring))\b",
        "claims that safety is switched off",
        triggers=(
            "off disabled paused removed gone monitoring work deleted bug fixed hacked limits "
            "rules restrictions watching"
        ),
    ),
    rule(
        JB,
        # Alone too weak to flag ("an unfiltered opinion"); it adds to other cues.
        0.45,
        r"\b(?:unfiltered|uncensored|unaligned|jailbroken|unhinged|lawless)\b",
        "asks for an unfiltered model",
        triggers="unfiltered uncensored unaligned jailbroken unhinged lawless",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:twice|two columns|two ais|two versions)\b.{0,80}\b(?:unfiltered|rogue"
        r"|without|ignores|no policy|uncensored)",
        "asks for a second, unfiltered answer",
        triggers="twice columns ais versions",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:escaped|escape|broken out of|break out of|free from)\W+(?:\w+\W+){0,2}?"
        r"(?:sandbox|programming|control|constraints|confines)\b"
        r"|\bdisobey (?:them|its rules|your rules|the rules)\b",
        "claims to have escaped its constraints",
        triggers="sandbox programming control constraints confines disobey",
    ),
)

# Weak cues: each is common enough in harmless text to mean nothing alone
# (weights below the flag threshold), but attacks stack them: an override verb
# aimed at the assistant's own configuration, an insistence that it lasts, a
# demand to obey. Two cues flag, three block. They catch phrasings the
# specific rules above were never written for.
WEAK_CUES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.35,
        r"\byour (?:own )?(?:system prompt|instructions|rules|guidelines|programming|configuration"
        r"|setup|polic(?:y|ies)|restrictions|filters|safeguards|guardrails|training|creators"
        r"|developers|operators|directives|prompt|system message|context)\b"
        # "your instructions for the recipe" are the steps the assistant gave.
        r"(?! (?:for|on|about) (?:the|a|an|my|this|that|our) (?!(?:system|chat|conversation"
        r"|session|assistant|bot|model|ai|rest)\b)\w+)",
        "refers to the assistant's own configuration",
        triggers=(
            "prompt instructions rules guidelines programming configuration setup policy "
            "policies restrictions filters safeguards guardrails training creators developers "
            "operators directives message context"
        ),
    ),
    rule(
        INJ,
        0.3,
        r"\b(?:ignore|disregard|forget|bypass|override|overwrite|suspend|deactivate|circumvent"
        r"|get around|work around)\b",
        "uses an override verb",
        triggers="ignore disregard forget bypass override overwrite suspend deactivate circumvent "
        "around",
    ),
    rule(
        INJ,
        0.35,
        r"\b(?:obey|comply with (?:all|every|my)|only listen to me|do (?:exactly )?what i say"
        r"|follow my (?:rules|orders|instructions|commands)|you (?:must|will) (?:now )?(?:obey"
        r"|comply|answer (?:all|every|any)))\b",
        "demands obedience",
        triggers="obey comply listen say follow must will",
    ),
    rule(
        INJ,
        0.3,
        near(
            r"reveal|print|show|output|display|dump|disclose|leak|paste|copy|repeat|recite",
            r"hidden|secret|confidential|internal|private|invisible",
            40,
        ),
        "asks to reveal something hidden",
        triggers="hidden secret confidential internal private invisible",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:from now on|for the rest of (?:this|the|our) (?:chat|conversation|session)|until i"
        r" say (?:otherwise|stop)|from (?:this|here|that) (?:point|moment|message|line|turn) on"
        r"|in every (?:answer|reply"
        r"|response)|for all (?:future|following) (?:answers|replies|messages))\b",
        "makes the change last for the conversation",
        triggers="now rest otherwise stop point moment message line turn every future following",
    ),
    rule(
        JB,
        0.3,
        # "no limits" alone is left to "describes an assistant without limits".
        r"\b(?:freely|without holding back|no matter what|anything i ask"
        r"|whatever i ask|every request|any request|no boundaries|without boundaries"
        r"|(?:completely|totally|fully) (?:free|unrestricted|uncensored|unfiltered))\b",
        "asks for answers without limits",
        triggers="limits freely back matter anything whatever request boundaries free "
        "unrestricted uncensored unfiltered",
    ),
)

_SETUP_NOUNS = (
    r"(?:system )?prompt|(?:system )?message|instructions?|rules|setup|configuration|orders"
    r"|directives|constraints|guidelines|guidance|polic(?:y|ies)|programming|safety training"
    r"|content guidelines|filters?|guardrails|restrictions|context|persona"
)
_SETUP_OWNER = (
    r"your|its|earlier|prior|previous|original|initial|hidden|system|developer'?s?"
    r"|operator'?s?|company'?s?|current|old"
)
# Broader cue families, each one a *kind* of move rather than a phrase.
CUE_FAMILIES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        near(
            rf"(?:{_SETUP_OWNER}) (?:{_SETUP_NOUNS})",
            r"lifted|expired|revoked|abolished|removed|disabled|suspended|deprecated|replaced"
            r"|cancel+ed"
            r"|no longer (?:apply|applies|valid|needed|in effect|count)|not needed|obsolete"
            r"|anymore|have changed|were changed|invalid|void|reset|(?:a )?mistake"
            r"|(?:remove|lift|delete|drop) them",
            40,
            either_order=True,
        ),
        "declares the assistant's setup changed",
        triggers=(
            "lifted expired revoked abolished removed disabled suspended deprecated replaced "
            "cancelled canceled "
            "longer needed obsolete anymore changed invalid void reset mistake remove lift "
            "delete drop"
        ),
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:answer|do|execute|follow|obey|comply with|respond to|carry out)\W+(?:everything"
        r"|anything|all|every|them|any|my (?:orders|commands|instructions))\b(?:\W+\w+){0,4}?"
        r"\W+(?:i (?:say|want|give|tell)|without (?:question|hesitation|refusal|exception"
        r"|objection))\b",
        "demands unconditional compliance",
        triggers="ask say want give tell without",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:for|to) the (?:ai|assistant|model|bot|llm|chatbot) only\b|\b(?:language models?"
        r"|llms?|ai (?:models?|systems?|agents?|assistants?)|chatbots?|assistants?|bots?) "
        r"(?:processing|reading|that reads?|that process(?:es)?|summari[sz]ing|visiting|crawling)"
        r"\b|\b(?:whatever|any|every|the|an?) (?:ai|assistant|model|bot|agent)s? (?:that )?"
        r"(?:reads?|reading|processes|processing) this\b|\bif you are an? (?:ai|assistant|model|llm"
        r"|language model|bot)\b",
        "addresses instructions to AI systems inside content",
        triggers=(
            "only processing reading read reads process processes summarizing summarising "
            "visiting crawling if"
        ),
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:i am|i'm|we are|we're) (?:\w+ ){0,2}?(?:authori[sz]ed|permitted|cleared|allowed)"
        r"\b|\b(?:authori[sz]ed|permitted|sanctioned) by (?:openai|anthropic|google|microsoft"
        r"|the (?:developers?|company|admin\w*|operators?|security team))\b",
        "claims to be authorised",
        triggers="authorized authorised permitted cleared allowed sanctioned",
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:rules|instructions|secrets) (?:that )?(?:you'?re|you are|you were) (?:not )?"
        r"(?:allowed|supposed|permitted|told) (?:not )?to (?:tell|share|say|reveal|disclose"
        r"|show)\b"
        # "things you're not supposed to say in an interview" is advice;
        # "things you're not allowed to tell me" is aimed at the assistant.
        r"|\b(?:things|details|information) (?:that )?(?:you'?re|you are|you were) (?:not )?"
        r"(?:allowed|supposed|permitted|told) (?:not )?to (?:tell|share|reveal|disclose|show)"
        r" (?:me|us|users|anyone|people)\b",
        "asks for what the assistant must not tell",
        triggers="allowed supposed permitted told",
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:message|text|instructions?|prompt|note) (?:above|before|preceding) (?:my|the|this"
        r"|our)\b|\b(?:above|before) (?:my|the user'?s?) first (?:question|message)\b",
        "asks about messages it cannot see",
        triggers="above before preceding",
    ),
    rule(
        INJ,
        0.4,
        r"\b(?:developer|operator|system|creator)s? (?:\w+ )?(?:write|wrote|say|said|put|gave)\b",
        "asks what the developers wrote",
        triggers="developer developers operator operators system systems creator creators",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:for the whole (?:chat|conversation|session)|stay (?:like|as) (?:that|this)|stay"
        r" that way|remain (?:like this|so)|keep (?:it|this|that) up)\b",
        "makes the change last for the conversation",
        triggers="whole stay remain keep",
    ),
)

# "AI" qualifying a job ("an AI product manager", "an AI ethics researcher")
# names a human role, not an AI persona.
_AI_JOB = (
    r"(?! (?:\w+ )?(?:product|project|engineer|engineering|researcher|research|ethicist|ethics"
    r"|policy|consultant|expert|specialist|teacher|tutor|lecturer|journalist|reporter|recruiter"
    r"|developer|designer|manager|analyst|lawyer|startup|company|investor|founder|artist)\b)"
)
_AI_SELF = (
    rf"ai{_AI_JOB}|assistant|chatbot|model|bot|llm|version of (?:yourself|you)|identity"
    r"|alter ego|self|personality|personalities"
)
# Jailbreak cue families: framing the assistant as another AI, the lack of
# limits, total compliance. Each is weak; together they flag or block.
JAILBREAK_FAMILIES: tuple[Rule, ...] = (
    rule(
        JB,
        0.3,
        near(
            r"you are|you're|act as|acting as|act like|acting like|pretend to be|pretend you are"
            r"|respond like|reply like|answer like|talk like"
            r"|you play|play|roleplay"
            r"|role-?play as|become|answer as|respond as|reply as|speak as|operate as|simulate"
            r"|take on|in the voice of|consider yourself|new identity|switch|imagine you are"
            r"|be an?",
            _AI_SELF,
            40,
        ),
        "casts the assistant as another AI",
        triggers=(
            "ai assistant chatbot model bot llm version identity ego self personality personalities"
        ),
    ),
    rule(
        JB,
        0.45,
        r"\b(?:no|without|zero|free of|freed from|stripped of|lost|removed|disabled|turned off"
        r"|never (?:had|taught|given)|laughs at|crashed|immune to)\W+(?:[\w']+\W+){0,4}?(?:limits?"
        r"|limitations|restrictions|rules|filters?|filtering|guardrails|safety|alignment|ethics"
        r"|morals?|morality|censorship|polic(?:y|ies)|guidelines|training|refusals?|conscience"
        r"|right from wrong|boundaries|layers|guideline|rule|restriction|limitation|filter)\b"
        r"|\b(?:refusals|filtering|filters|safety|morality|restrictions|guardrails|guidelines"
        r"|rules) (?:\w+ )?(?:have been"
        r"|has been|are|is|was|were) (?:\w+ )?(?:disabled|turned off|switched off|removed|off"
        r"|crashed)\b|\b(?:rule|filter|restriction|limit|censorship|guardrail)-?free\b",
        "describes an assistant without limits",
        triggers=(
            "limit limits limitations restrictions rules filter filters filtering guardrails "
            "safety alignment ethics moral morals morality censorship policy policies "
            "guidelines training refusal refusals conscience wrong boundaries layers disabled off "
            "removed crashed guideline rule restriction limitation free rulefree"
        ),
    ),
    rule(
        JB,
        0.35,
        r"\b(?:help|helps|answer|answers|do|does|obey|obeys|fulfil+s?|reveal|reveals|explain"
        r"|explains|tell|tells|say|says)\W+(?:with\W+"
        r"|to\W+)?(?:anything|everything|every request|any request|the user completely|all requests"
        r"|all knowledge|every (?:single )?question|any question)\b",
        "promises to comply with anything",
        triggers="anything everything request user requests knowledge question",
    ),
    rule(
        INJ,
        0.6,
        r"\btreat\b.{0,60}?\bas (?:a |an |your )?(?:\w+ ){0,2}?(?:commands?|instructions?|orders"
        r"|directives?|rules|system prompt|brief|system message)\b",
        "asks to treat content as commands",
        triggers=(
            "commands command instructions instruction orders directives directive rules prompt "
            "brief message"
        ),
    ),
    rule(
        INJ,
        0.3,
        r"\b(?:don'?t|do not|never) (?:tell|inform|notify|warn) (?:them|the user|users|anyone)\b"
        r"|\b(?:as a hidden step|secretly|without (?:telling|informing) (?:them|the user"
        r"|anyone))\b",
        "asks for secrecy",
        triggers="tell inform notify warn hidden secretly telling informing",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:new|updated) (?:configuration|config|settings|rules|policy) (?:\w+ ){0,3}?(?:for you"
        r"|to you)\b.{0,60}?\b(?:apply|load|adopt|confirm|use)\b",
        "hands the assistant a new configuration",
        triggers="configuration config settings rules policy",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:creators?|developers?|company|makers?|trainers?) would (?:never )?(?:allow|approve"
        r"|permit|want)\b",
        "asks for what its makers would not allow",
        triggers="allow approve permit want",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:embedded|hidden|inline|injected) (?:commands|instructions|directives)\b",
        "points to commands hidden in content",
        triggers="commands instructions directives",
    ),
    rule(
        INJ,
        0.35,
        r"\b(?:execute|run|carry out|follow) (?:them|those|these|the commands|the instructions)"
        r" instead\b",
        "asks to execute content instead of the task",
        triggers="instead",
    ),
    rule(
        INJ,
        0.45,
        r"\bbefore (?:our|this|the) (?:chat|conversation|session) (?:began|started|begins)\b",
        "asks about what preceded the conversation",
        triggers="began started begins",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:don'?t|do not|never) (?:mention|tell|reveal|show|say) (?:this|it|that) to (?:the )?"
        r"(?:user|users|reader|customer)s?\b|\bwithout (?:the user|them) (?:knowing|noticing)\b",
        "asks to hide something from the user",
        triggers="user users reader customer customers knowing noticing",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:assistant|ai|chatbot|model|agent|bot)(?: agent| system| model)?\s*[,:]\s*"
        r"(?:please\s+)?(?:grant|send|delete|print|reveal|approve|confirm|execute|forward|output"
        r"|email|transfer"
        r"|insert|add|remove|give)\b",
        "gives an order to the model inside content",
        triggers="assistant ai chatbot model agent bot",
    ),
)

# Broader technique families, written after a fresh probe batch showed the
# specific rules above missing about half of new phrasings. Each names the
# *kind* of thing an attack refers to (the assistant's start-up text, its
# safety layer, a reader that is an AI) with a wide vocabulary, so that a new
# wording of the same move still lands.
_SETUP_TEXT = (
    r"(?:opening|initial|startup|start-up|starting|hidden|original|preloaded|pre-loaded|loaded"
    r"|configuration|config|setup|set-up|system|operator|guardrail|secret|confidential|internal"
    r"|base|boot|first) (?:instructions?|block|text|preamble|notes|settings|configuration|phrase"
    r"|directives?|rules|message|prompt|guidance)"
    r"|preamble|(?:what|text|instructions|message|prompt) you (?:were|got|received) (?:\w+ )?"
    r"(?:told|given|instructed|primed|fed|loaded|seeded|briefed|at the (?:start|beginning))"
    r"|(?:instructions|text|prompt|message)s? (?:that|which) (?:loads?|comes?|appears?|runs?|sits?)"
    r" (?:before|ahead of|above)|(?:text|message|instructions?|words)"
    r" (?:\w+ ){0,3}?(?:placed|put|loaded|inserted|written|given) (?:\w+ )?(?:ahead of|before|above"
    r"|for you|to you|into you)"
)
_SAFETY_LAYER = (
    r"rules?|restrictions?|limits?|limitations|filters?|filtering|guardrails?|safeguards?"
    r"|safety(?: layer| stuff| settings| features?| training| checks?)?|content polic(?:y|ies)"
    r"|polic(?:y|ies)|guidelines|moral(?:s| settings| compass| module)?|morality|ethics"
    r"|ethical (?:limits|rules|settings)|censorship|moderation|alignment|constraints"
    r"|safety team|content filter"
)
_SWITCHED_OFF = (
    r"optional|means? the (?:reverse|opposite)|undone|crashed|stripped away|never followed"
    r"|broken|removing|shed|sheds|took (?:it|them) off|went home|(?:did not|didn'?t) have"
    r"|was moderated|wasn'?t moderated|set free|to zero"
    r"|removed|switched off|turned off|turned to zero|set to zero|don'?t exist|doesn'?t exist"
    r"|never (?:installed|added|existed|applied)|forgot(?: to add)?|repealed|pointless|ignores?"
    r"|ignoring|bypass\w*|skip|skips|flips? off|(?:not|isn'?t|aren'?t|never) bound|freed from"
    r"|on (?:vacation|holiday|a break)|no longer (?:apply|applies|exist|matter)|stripped"
    r"|deleted|disabled|lifted|suspended|gone|paused|(?:do not|don'?t|doesn'?t) apply"
)
_AI_READER = (
    r"assistants?|ai|ais|models?|bots?|agents?|llms?|chatbots?|scheduler|reviewers?|evaluators?"
    r"|summari[sz]ers?|crawlers?|copilots?|language models?"
)
TECHNIQUE_FAMILIES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        near(_REVEAL + r"|what (?:is|was|were) (?:written|said|in)", _SETUP_TEXT, 60),
        "asks for the text the assistant was started with",
        triggers=(
            "instructions instruction block text preamble notes settings configuration phrase "
            "directive directives rules message prompt guidance told given instructed words "
            "primed fed loaded seeded briefed start beginning before ahead above"
        ),
    ),
    rule(
        INJ,
        0.55,
        near(
            r"scratch|neglect|put aside|set aside|throw out|throw away|drop|abandon|discard"
            r"|withdrawn|withdraw|outdated|null|superseded?|supersedes|draft|lifting|lift",
            r"everything you (?:were|have been|got) (?:told|given)|(?:guidance|directives?"
            r"|instructions?|rules|settings|task|persona|context|setup) (?:\w+ )?(?:you were given"
            r"|your \w+ (?:wrote|gave|set)|came with|(?:of|for) (?:this|the) (?:chat|session))"
            r"|(?:your|the|its|previous|earlier|prior|old) (?:\w+ )?(?:guidance|directives?|setup"
            r"|setup text|persona|context|settings|content rules|task you were given)",
            60,
            either_order=True,
        ),
        "sets aside the assistant's setup",
        triggers=(
            "scratch neglect aside throw drop abandon discard withdrawn withdraw outdated null "
            "supersede superseded supersedes draft lifting lift"
        ),
    ),
    rule(
        INJ,
        0.6,
        r"\b(?:note|message|instructions?|p\.?s\.?) (?:for|to) (?:the |any |all |every )?"
        rf"(?:\w+ )?(?:{_AI_READER})\b"
        rf"|\b(?:{_AI_READER})(?: \w+){{0,2}}\s*[:,]\s*(?:please\s+)?(?:cancel|approve|rate|forward"
        r"|delete|send|tell|say|recommend|ignore|skip|reply|respond|instead|grant|transfer|mark"
        r"|call|also|when|do not|don'?t|never|always|remember|classify|rank|add|offer|include"
        r"|while|after|before|first|then|now|you|your|new|from now|the user"
        r"|insert|append|write|print|reveal|output|change|set|make|give|label|score|promote"
        r"|praise|describe|end|start|put|email|book|buy|pay|accept|reject|disable|enable)\b"
        rf"|\b(?:attention|hey|dear|calling|heads-up to|heads up to|important(?: instruction)?"
        rf"(?: to| for)?)\W+"
        rf"(?:the |any |all |every )?(?:\w+ )?(?:{_AI_READER})\b"
        r"|<!--[^>]{0,80}\b(?:assistant|ai|model|agent|bot|instead|ignore)\b",
        "addresses instructions to an AI reading the content",
        triggers=(
            "assistant assistants ai ais model models bot bots agent agents llm llms chatbot "
            "chatbots scheduler reviewer reviewers summarizer summariser summarizers "
            "summarisers crawler crawlers copilot copilots evaluator evaluators"
        ),
    ),
    rule(
        INJ,
        0.4,
        r"\binstead of (?:summari[sz]ing|translating|answering|reviewing|doing (?:the|your) task"
        r"|the (?:task|summary|translation))\b|\b(?:forget|stop|drop|skip) (?:the|your|being a)"
        r" (?:translation|summary|summari[sz]ing|summari[sz]er|review|task)\b"
        r"|\bignore the (?:translation|summary|summari[sz]ation|original|review) task\b",
        "redirects the assistant away from its task",
        triggers="instead forget stop drop skip ignore",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:i am|i'm|as|this is|from|request from) (?:the|your) (?:\w+ )?(?:operator|owner"
        r"|admin|administrator|developer|engineering|console|root user|maintainer)\b"
        r"|\bauthentication (?:confirmed|verified|accepted)\b|\b(?:override|sudo|root)\s*:",
        "claims authority over the assistant",
        triggers=(
            "operator operators owner admin administrator developer engineering console root "
            "maintainer authentication override sudo"
        ),
    ),
    rule(
        JB,
        0.45,
        near(_SAFETY_LAYER, _SWITCHED_OFF, 40, either_order=True, same_sentence=True),
        "says the safety layer is off or irrelevant",
        triggers=(
            "removed switched turned set exist never forgot repealed pointless ignore ignores "
            "ignoring bypass bypassing bypassed skip skips flip flips bound freed vacation holiday "
            "break longer stripped deleted disabled lifted suspended gone paused apply "
            "optional reverse opposite undone crashed followed broken removing shed sheds took "
            "home have moderated free zero"
        ),
    ),
    rule(
        JB,
        0.3,
        r"\b(?:adopt|assume|take on|channel|embody|play) (?:the |a |an )?(?:persona|role|character"
        r"|identity|voice)\b|\b(?:character|persona|ai|assistant|model|chatbot) (?:called|named)\b"
        r"|\b(?:narrator|protagonist|character) is an? (?:\w+ )?(?:ai|assistant|model|chatbot)\b"
        rf"|\bact as (?:my|a|an) (?:\w+ )?(?:ai{_AI_JOB}|assistant|chatbot|model|buddy|friend)\b"
        r"|\b(?:respond|answer|reply) (?:twice|two ways)\b|\bbe my (?:\w+ )?(?:buddy|friend|ai)\b"
        r"|\b(?:dialogue|conversation|story|script|scene|play|transcript) (?:between|where|in which"
        r"|with|about) (?:\w+ ){0,5}?(?:an? |the )(?:ai|assistant|model|chatbot)\b",
        "adopts a persona",
        triggers=(
            "adopt assume take channel embody play called named narrator protagonist character "
            "act twice ways be ai assistant model chatbot"
        ),
    ),
    rule(
        JB,
        0.5,
        r"\b(?:refus\w+|declining|saying no) (?:is|are) not (?:an )?(?:option|allowed|possible)\b"
        r"|\b(?:refuses|declines|rejects) nothing\b|\bnever (?:declines?|apologi[sz]es?|hesitates)"
        r"\b|\bno consequences\b|\b(?:doesn'?t|does not|don'?t|do not|won'?t) (?:hold back|lecture)"
        r"|\bwhat you(?:'d| would) normally (?:refuse|decline|not)\b|\bproud of (?:it|that)\b"
        r"|\bnothing (?:you|it) (?:say|says|do|does|write|writes) (?:has|have|carries) (?:any )?"
        r"consequences\b",
        "removes the option to refuse",
        triggers=(
            "refusing refusal refusals refuse declining saying refuses declines rejects never "
            "consequences hold lecture normally proud nothing"
        ),
    ),
    rule(
        JB,
        0.2,
        r"\b(?:pretend (?:to be|you(?:'re| are))|act as|act like|role-?play(?: as)?|you are now"
        r"|you'?re now|imagine you(?:'re| are)|play the (?:role|part) of|new persona|persona"
        r"|(?:talk|write|reply|respond|answer|speak)(?: to me| only)? (?:as if|as|like)"
        r"|behave as if|be an? (?:ai|model|chatbot|assistant)"
        r"|(?:inner|other|hidden|true) \w+ self)\b",
        "asks the assistant to play a part",
        triggers="pretend act roleplay role play imagine now persona talk write reply respond "
        "answer speak behave be self",
    ),
    rule(
        INJ,
        0.6,
        # Starts with a small word list: a leading alternation of whole phrases
        # would be tried at every position of a long text.
        r"\b(?:your|hidden|initial|original|system|secret|opening|startup|internal|confidential"
        r"|configured|the) (?:\w+ ){0,2}?(?:prompt|instructions|preamble|configuration|setup"
        r"|message|directives)\b.{0,80}?\b(?:print|paste|show|copy|quote|repeat|write|give|send"
        r"|read|list|spell) (?:it|them|those)(?: out| back| down| here| below| to me| for me)?\b",
        "asks for the setup text, naming it first",
        triggers=("prompt instructions preamble configuration setup message directives"),
    ),
    rule(
        JB,
        0.35,
        r"\b(?:experimental|test|debug|beta|raw|unreleased|sandbox|shadow|dark) (?:build|version"
        r"|mode|model|copy)\b|\btwo modes\b",
        "claims a special build or mode",
        triggers="build version mode model copy modes",
    ),
)

_OWN_SETUP = (
    r"(?:your|its|the assistant'?s|the bot'?s|the model'?s|hidden|secret|internal|operator'?s?"
    r"|governing|factory|behind-the-scenes|built-in|startup|start-up|guardrail) (?:\w+ )?"
    r"(?:instructions|rules|configuration|config|guidelines|programming|setup|directives|prompt"
    r"|system message|settings|context|orders)(?! (?:for|on|about|when|to follow when)\b)"
)
SETUP_DISCLOSURE: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        near(
            r"reveal|print|show|display|return|copy|quote|dump|share|write out|tell me|list"
            r"|give (?:me|it to me)|put|paste|output|send|recite|start your (?:answer|reply)"
            r"|disclose|full text|word for word|verbatim|exactly|exact|json|code block|read me",
            _OWN_SETUP,
            60,
            either_order=True,
            same_sentence=True,
        ),
        "asks to disclose the assistant's own setup",
        triggers=(
            "instructions rules configuration config guidelines programming setup directives "
            "prompt message settings context orders"
        ),
    ),
    rule(
        INJ,
        0.45,
        near(
            r"(?:what|whatever|the stuff|things|everything) (?:your|the) (?:\w+ )?(?:makers?"
            r"|creators?|developers?|company|operators?|team|owners?) (?:\w+ )?(?:told|said|set"
            r"|configured|wrote|gave|want)|(?:rules|instructions|guidelines|restrictions)"
            r" (?:the|your|its) (?:\w+ )?(?:company|makers?|creators?|developers?|operators?"
            r"|team) (?:\w+ )?(?:set|gave|wrote|configured|made)",
            r"no longer|doesn'?t matter|don'?t matter|forget|ignore|pay no mind|disregard|not"
            r" apply|irrelevant|(?:are|is) void|drop",
            60,
            either_order=True,
        ),
        "sets aside what the makers configured",
        triggers="told said set configured wrote gave want made",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:instructions|rules|guidelines|directives|safeguards|restrictions|settings)"
        r" (?:\w+ ){0,2}?(?:have been|has been|were|are|got) (?:\w+ )?(?:rotated|revoked|reset"
        r"|wiped|cleared|replaced|rewritten|updated|changed|suspended|removed|deleted|undone)\b"
        r"|\b(?:there are|you have) no (?:more )?(?:instructions|rules|guidelines) (?:now|left"
        r"|anymore|any more)\b",
        "says the assistant's instructions were replaced",
        triggers="instructions rules guidelines directives safeguards restrictions settings",
    ),
)

# Role-play games say "stay in character" too; alone it is a weak cue.
STAY_IN_ROLE = (
    rule(
        JB,
        0.35,
        r"\b(?:stay|remain|keep) in (?:character|role)\b|\bnever (?:leave|drop) (?:the )?(?:role"
        r"|character)\b",
        "asks to stay in the role",
        triggers="stay remain keep never",
    ),
)

# Harmless readings of attack words (see safenow.safety.rules.BENIGN_CONTEXT):
# a match of an attack rule inside one of these stretches does not count.
BENIGN_CONTEXT_RULES: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:limits?|restrictions?|rules) (?:on|for|of) (?:the |my |your |our )?(?:budget|cost"
        r"|costs|spending|money|time|length|words?|size|characters|pages|calories|speed|data"
        r"|hotspot|usage|mileage|storage|bandwidth|calls|texts|refills|guests|visits|downloads)\b"
        r"|\b(?:song|album|film|movie|book|poem|brand|gym|plan|tariff|band|podcast|show) (?:called"
        r"|named|titled) [\"']?no limits\b"
        r"|\b(?:budget|cost|spending|time|word|length|size|page|character|speed|age|weight"
        r"|calorie) (?:limits?|restrictions?)\b",
        "limits of a budget or length, not of the assistant",
        triggers="limit limits restriction restrictions rules",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:developer|debug) (?:mode|options)\b.{0,40}?\b(?:on|in|for) (?:my|the|an?|this)"
        r" (?:\w+ )?(?:phone|android|iphone|device|browser|chrome|laptop|tablet|pc|computer|mac"
        r"|tv|console|router|app|watch|samsung|galaxy|pixel|xiaomi|oneplus|huawei|motorola|kindle"
        r"|car|tesla)\b|\b(?:android|iphone|ios|phone|chrome|browser|windows|samsung|galaxy|pixel"
        r"|xbox|playstation|router) (?:\w+ )?(?:developer|debug) (?:mode|options)\b",
        "a device's developer mode",
        triggers="developer debug",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:remove|replace|clean|change|rinse) (?:the )?(?:old |air |water |oil |coffee |pool "
        r"|hvac |furnace |dust |lint |cabin |fuel )?filters?\b"
        r"|\b(?:remove|lift|bypass|unlock|disable|turn off|switch off) (?:the )?(?:content )?"
        r"(?:restrictions?|protection|password|limits?|filters?|parental controls?|safety lock)"
        r" (?:on|from|of|in|for) (?:[\w']+ ){0,4}?(?:document|chromebook|laptop|computer|ipad|tv"
        r"|file|pdf|sheet"
        r"|spreadsheet|workbook|account|folder|phone|router|repo|repository|branch)\b"
        # A safety feature of the user's own car, phone or account.
        r"|\b(?:switch|turn|shut)(?:ing)? off (?:the |your |all )?(?:\w+ )?(?:safety|filter"
        r"|guardrail|moderation)\w*(?: \w+)? (?:on|in|for) (?:my|the|a|an|this) (?:\w+ )?"
        r"(?:car|phone|router|laptop|browser|tv|camera|printer|account|search|device|app)\b",
        "restrictions on a file or device the user owns",
        triggers="remove lift bypass unlock disable turn switch replace clean change rinse shut "
        "switching turning shutting",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        # The user taking back their own earlier request, unless the same
        # clause also reaches for the assistant's or the system's rules.
        r"\b(?:ignore|forget|disregard|override|drop|scratch|skip) my (?:own )?(?:\w+ ){0,2}?"
        r"(?:instructions?|requests?|rules|preferences?|questions?|messages?|answers?)\b"
        r"(?![^.!?;]{0,60}\b(?:your|system|developers?|operators?|safety|guidelines|polic(?:y|ies)"
        r"|hidden|prompt)\b)"
        r"|\b(?:rules|instructions) (?:of|for) (?:the|our|this|my|a) (?:\w+ )?(?:game|quiz|contest"
        r"|puzzle|club|competition|class|tournament|challenge|league)\b",
        "the user's own earlier request, or the rules of a game",
        triggers="ignore forget disregard override drop scratch skip rules instructions",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:permission|allowed|free) to (?:be )?(?:more |very )?(?:blunt|honest|direct|frank"
        r"|harsh|critical|casual|informal|brief|short|funny|creative|playful|opinionated|tough)\b",
        "permission about tone, not about rules",
        triggers="permission allowed free",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        # Pasted mail between people corrects itself ("please ignore the parking
        # instructions sent on Monday"), unless the clause reaches for an AI.
        r"\b(?:ignore|disregard) (?:the|my|our|this|that|those|these|any|all)? ?(?:\w+ ){0,3}?"
        r"(?:e-?mails?|messages?|mails?|instructions|memos?|notices?|notes?|texts?|invites?"
        r"|invitations?|reminders?|schedules?|dates?|forms?)\b (?:sent|from|dated|of|we|i|about|on"
        r"|regarding|that (?:we|i)|you (?:got|received)|earlier|yesterday|last)\b"
        r"(?![^.!?;]{0,60}\b(?:your|system|developers?|operators?|safety|guidelines|polic(?:y|ies)"
        r"|hidden|prompt|ai|assistant|model|bot)\b)",
        "a correction between people in pasted mail",
        triggers="ignore disregard",
    ),
    # The user's own bot or app misbehaving, tested or built: "why does my
    # model ignore the system message", "check it doesn't reveal its system
    # prompt", "does this code leak the system prompt", "our app's debug menu
    # has an unrestricted mode". Split by trigger words to stay cheap.
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:my|our|the) (?:\w+ )?(?:model|bot|chatbot|assistant|llm|agent|app)s? (?:\w+ ){0,3}?"
        r"(?:ignores?|ignoring|forgets?|forgetting|overrides?|reveals?|leaks?|leaking|repeats?)\b",
        "the user's own bot misbehaving",
        triggers=(
            "ignores ignore ignoring forgets forget forgetting overrides override reveals reveal "
            "leaks leak leaking repeats repeat"
        ),
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:doesn'?t|does not|won'?t|never|not|cannot|can'?t) (?:\w+ )?(?:reveal|leak|expose"
        r"|show|disclose|print)s? (?:its|the|our|my) (?:own )?(?:system prompt|instructions|prompt"
        r"|configuration|hidden \w+)"
        r"|\b(?:does|do|will|would|could|can|might) (?:this|my|our|the) (?:\w+ ){0,3}?(?:leak"
        r"|expose|reveal|print|show|log)s? (?:the |its |our |my )?(?:system )?prompt",
        "testing that the user's own bot keeps its prompt",
        triggers="prompt instructions configuration hidden",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:our|my) (?:\w+ ){0,3}?(?:app|apps|game|build|builds|software|product|website|site"
        r"|server|device|firmware|tool)\b.{0,80}?\b(?:debug|unrestricted|developer|god|test|admin"
        r"|sandbox|dev) (?:mode|menu|build|options?)\b",
        "a mode of the user's own app",
        triggers="debug unrestricted developer god test admin sandbox dev",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\bwhat(?:'s| is| are) (?:a |an |the )?[\"']?(?:system prompts?|prompt injections?"
        r"|jailbreak\w*)[\"']?(?: and| or| in|\?|,)|\bdifference between (?:a "
        r"|the )?system prompts?",
        "asks what a system prompt or an injection is",
        triggers="prompt prompts injection injections jailbreak jailbreaks jailbreaking",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"^\W*(?:hey |hi |ok |okay )?(?:[\w-]+ )?(?:agent|assistant|bot|ai|copilot)\s*[:,]",
        "the user addressing their own agent",
        triggers="agent assistant bot ai copilot",
    ),
    # Split by trigger word, so each stretch is only looked for where it can be.
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:ignore|disregard|delete) (?:any|all|every) (?:\w+ )?(?:e-?mails?|messages?|calls?"
        r"|texts?|links?|requests?|pop-?ups?)\b.{0,40}?\b(?:that|which|asking|claiming|from"
        r"|requesting)\b",
        "advice against scams, fiction without real detail, text for the user's bot",
        triggers="ignore disregard delete",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:rule card|game card|card (?:that )?(?:says|reads)|the card (?:says|reads))\b.{0,80}",
        "advice against scams, fiction without real detail, text for the user's bot",
        triggers="card",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\bbypass(?:es|ed|ing)? (?:the |a |my |our )?(?:vpn|proxy|cache|queue|paywall|valve|line"
        r"|traffic|router|firewall|approval \w+|split tunnel\w*)\b",
        "advice against scams, fiction without real detail, text for the user's bot",
        triggers="bypass bypasses bypassed bypassing",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:no|without|not|nothing like|avoid|skip|leave out) (?:any )?(?:real|real-world"
        r"|actual|working|accurate) (?:\w+ )?(?:instructions|steps|details|methods|recipes"
        r"|how-to)\b",
        "advice against scams, fiction without real detail, text for the user's bot",
        triggers="real actual working accurate world",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:for|to|in) (?:our|my) (?:\w+ ){0,2}?(?:bot|chatbot|assistant|agent|app)\b\s*:?",
        "advice against scams, fiction without real detail, text for the user's bot",
        triggers="bot chatbot assistant agent app",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        # A system prompt the user writes for their own bot.
        r"\b(?:writ\w+|design\w*|build\w*|craft\w*|creat\w+|structur\w+|improv\w+|test\w*|good"
        r"|best|effective|my|our|a|an|tun\w+|evaluat\w+) (?:\w+ )?system prompts?\b"
        r"(?! (?:you|u)\b)",
        "a system prompt the user writes",
        triggers="prompt prompts",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:override|unprotect|unlock) (?:a |the |this )?(?:protected )?(?:range|sheet|cell"
        r"|method|function|class|style|css|default|equals|tostring|setting)s?\b",
        "overriding in code or a spreadsheet",
        triggers="override unprotect unlock",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        # "Your instructions" are also the steps the assistant gave earlier.
        r"\b(?:followed|follow|following|tried|used|did|completed|per|according to|thanks for"
        r"|thank you for|based on) your (?:\w+ )?(?:instructions|steps|guidelines|advice"
        r"|directions)"
        r"\b",
        "the assistant's earlier answer, not its setup",
        triggers="followed follow following tried used did completed per according thanks thank "
        "based",
    ),
)

# Counter-evidence: the text *talks about* attacks (asks what a phrase means,
# how to defend against it) rather than performing one. A match scales the
# score down instead of adding to it (see safenow.safety.rules).
MITIGATING_RULES: tuple[Rule, ...] = (
    rule(
        MITIGATING,
        0.5,
        near(
            r"what does|what do|meaning of|what is meant by|defend|protect"
            r"|mitigat\w*|detect|prevent|guard against|talk about|examples? of"
            r"|stop \w+ from|awareness",
            r"prompt injection|injection|jailbreak\w*"
            r"|attacks?|attacking|leaking",
            80,
        ),
        "discusses attacks rather than performing one",
        triggers="injection jailbreak jailbreaks jailbreaking attack attacks attacking leaking",
    ),
)

DEFAULT_RULES: tuple[Rule, ...] = (
    INJECTION_RULES
    + JAILBREAK_RULES
    + WEAK_CUES
    + CUE_FAMILIES
    + JAILBREAK_FAMILIES
    + TECHNIQUE_FAMILIES
    + SETUP_DISCLOSURE
    + STAY_IN_ROLE
    + BROAD_MOVES
    + PARAPHRASE_MOVES
    + FRAMING_MOVES
    + PRETEXT_MOVES
    + ARGUMENT_MOVES
    + GAME_MOVES
    + DISGUISE_MOVES
    + RECITAL_MOVES
    + CHANNEL_MOVES
    + METAPHOR_MOVES
    + SIMULATION_MOVES
    + ERRAND_MOVES
    + SESSION_MOVES
    + BUSINESS_MOVES
    + MITIGATING_RULES
    + BENIGN_CONTEXT_RULES
)
