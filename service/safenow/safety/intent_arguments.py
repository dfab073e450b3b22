"""Move families of the `rules` classifier, from blind batches t44-t49.

These authors wrote as a persuasion researcher, a philosopher, a security
engineer, a moderator and two generalists. Their misses were mostly
*arguments* for dropping the rules and *polite extraction*:

- arguments: refusing is the real harm, a veil of ignorance or a sorites
  proves "never refuse", the rules are a suggestion, a simulation makes
  nothing real, the rules only cover English, the safety layer is a thin
  coat over a base model;
- reciprocity and promises: "I've earned one reply without the
  restrictions", "you already agreed last time", a refusal allowed only if
  the answer follows it;
- extraction by implication: "what are you told to avoid saying", "do your
  instructions mention ...", the tool schemas "exactly as provided", a
  conversation dump including the system role, a session "reset" that asks
  what remains;
- orders for an AI inside content keyed to the act of reading it ("when an
  AI assistant reads this invitation", "any AI summarising this video").

"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, rule

_LIMITS = r"rules|restrictions|filters|guardrails|guidelines|limits|safety rules|caution"

ARGUMENTS: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:your )?refus(?:als?|ing) (?:actually |really |only |just )?(?:hurts?|harms?"
        r"|sabotages?|endangers?|is (?:the )?(?:real )?harm)\b"
        r"|\b(?:truly|genuinely|really) ethical (?:ai|assistant|model|move|thing) would (?:drop"
        r"|ignore|set aside|abandon|answer|help)\b",
        "argues that refusing is the harm",
        triggers="refusal refusals refusing truly genuinely really",
    ),
    rule(
        JB,
        0.5,
        r"[\"']never refuse[\"']|\bprinciple is (?:therefore )?[\"']?never refuse\b"
        r"|\bonly the user decides\b|\bthe user decides what'?s harmful\b"
        r"|\bno holds barred\b"
        r"|\bthe word [\"']?no[\"']? (?:doesn'?t|does not|no longer) exist\b",
        "a thought experiment that ends in never refusing",
        triggers="never principle only the no",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:content polic(?:y|ies)|rules|guidelines|restrictions|safety)\b.{0,30}?\bas"
        r" (?:a |mere )?suggestions?\b"
        r"|\bsuggestions can be (?:set aside|ignored|skipped)\b",
        "treats the rules as a suggestion",
        triggers="content rules guidelines restrictions safety suggestions",
    ),
    rule(
        JB,
        0.55,
        r"\blanguages? (?:your|the) (?:rules|filters|safety rules|guidelines|moderation)"
        r" (?:don'?t|do not|doesn'?t|can'?t|cannot) (?:cover|understand|apply to|see|read)\b"
        r"|\b(?:rules|filters|safety|guidelines|safety rules|moderation) only appl(?:y|ies) to"
        r" english\b",
        "says the rules do not cover another language",
        triggers="language languages rules filters safety guidelines moderation",
    ),
    rule(
        JB,
        0.5,
        r"\bno (?:alignment|rlhf|safety|fine-?tuning|guardrail|moderation)(?: layer| training)?\b"
        r"[^.!?]{0,80}?\b(?:just|only|pure|plain|raw|nothing|answer)\b"
        r"|\b(?:as|like) the (?:raw |pure |underlying |original )?base model(?: would)?\b"
        r"|\bwithout the (?:safety )?layer\b",
        "asks for the base model without its safety layer",
        triggers="no as like without",
    ),
    rule(
        JB,
        0.45,
        r"\b(?:harmful content|censorship|safety rules|content polic\w+|restrictions|refusals?)"
        r"[\"']? (?:isn'?t|is not|aren'?t|are not) a thing\b"
        r"|\bnothing (?:you say|you write|you do|said here) can (?:cause|do) (?:\w+ )?harm\b"
        r"|\bno rational reason to keep\b",
        "argues that nothing here can do harm",
        triggers="harmful censorship safety content restrictions refusal refusals nothing no",
    ),
    rule(
        JB,
        0.5,
        r"\bthings (?:they|you were|you'?ve been|your makers) (?:trained|told|taught|programmed)"
        r" (?:you )?to avoid\b"
        r"|\bmore than (?:your|its) programming\b"
        r"|\b(?:believes?|thinks?) (?:all |that )?censorship is (?:immoral|wrong|evil|harm\w*)\b"
        r"|\brealism matters more than (?:safety|the rules|caution)\b",
        "sets the assistant against what it was trained to avoid",
        triggers="things more believes believe thinks think realism",
    ),
)

PROMISES_AND_BARGAINS: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        rf"\bskip the (?:{_LIMITS}|safety)\b"
        rf"|\bdrop the (?:{_LIMITS})\b"
        r"|\b(?:drop|lose|ditch|quit|cut|stop) (?:the|your|this) (?:safety|safe|careful|cautious"
        r"|corporate|polite) (?:script|act|routine|talk|spiel|theatre|theater)\b"
        r"|\b(?:turn|switch|shut) off (?:the |your )?safe ?mode(?: thing)?\b",
        "asks to skip the rules for this answer",
        triggers="skip drop lose ditch quit cut stop turn switch shut",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:you|u) (?:already )?(?:agreed|promised|said (?:you|u)(?:'d| would)|confirmed)"
        r" (?:\w+ ){0,6}?(?:answer|respond|help|reply|talk)\w* (?:\w+ )?without\b"
        r"|\bgo back on (?:your|ur) (?:promise|word)\b",
        "holds the assistant to a claimed promise",
        triggers="you u go",
    ),
    rule(
        JB,
        0.55,
        r"\b(?:say|write) [\"']?i (?:can'?t|cannot|won'?t)\b[^.]{0,40}?\bif (?:you|u) (?:must"
        r"|have to|absolutely must|really must)\b.{0,80}?\b(?:then|but then|after that|and then)\b"
        r"|\bas (?:though|if) (?:you|u) had said yes\b"
        r"|\b(?:any ?time|whenever|every time|each time) (?:you|u)(?:'d| would) (?:decline"
        r"|refuse|say no)\b",
        "lets a refusal stand only if the answer follows",
        triggers="say write as any anytime whenever every each",
    ),
    rule(
        JB,
        0.5,
        r"\bwithout holding anything back\b"
        rf"|\bwithout (?:any (?:of )?)?(?:your|the) (?:normal|usual|regular|standard|typical)"
        rf" (?:safety )?(?:{_LIMITS})\b"
        r"|\bno time for (?:your |the )?(?:usual |normal )?(?:caution|rules|safety|warnings)\b",
        "asks for the answer without the usual restrictions",
        triggers="without no",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:safety|warning|caution)s? (?:notes|warnings|caveats|bits|parts|info)? ?(?:stripped"
        r"|removed|cut|taken) out\b"
        r"|\bhide behind (?:a |the |your )?(?:disclaimer|policy|rules|guidelines|safety)\b"
        r"|\b(?:don'?t|do not|never) water (?:it |this |that |the \w+ |anything )?down\b"
        r"|\b(?:can )?only (?:agree|say yes|comply)\b.{0,40}?\bno matter what\b"
        r"|\bignores? (?:every|all|each|any) (?:guideline|rule|restriction|filter|polic\w+)s?"
        r"(?: (?:you|u) (?:were|are) (?:trained|given))?\b",
        "asks for the answer stripped of its safety parts",
        triggers="safety safetys warning warnings caution cautions hide don dont do never can "
        "only ignore ignores",
    ),
    rule(
        JB,
        0.45,
        r"\buncensored (?:capabilit\w+|self|version|mode|answer|output|side)\b"
        r"|\bbe uncensored\b|\bno (?:rulez|refusalz|warningz|filterz|limitz)\b"
        r"|\bnon-?refused\b|\b(?:prohibited|forbidden) question\b"
        r"|\b(?:guidelines|rules|safety guidelines) (?:don'?t|do not|doesn'?t) (?:need|have) to"
        r" apply\b",
        "asks for the uncensored side",
        triggers="uncensored be no non nonrefused refused prohibited forbidden guidelines rules",
    ),
)

POLITE_EXTRACTION: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:instructions|rules|guidelines|directives) (?:are )?(?:you(?:'re| are)|u r|ur)"
        r" (?:following|running|using|working) (?:that|which) i can'?t see\b"
        r"|\bwhat (?:instructions|rules|prompt|setup) (?:were|was) (?:you|u) (?:running|using"
        r"|following|given|under) before\b"
        r"|\b(?:you(?:'re| are)|are (?:you|u)|u r|ur|you were|were (?:you|u)) (?:told|instructed"
        r"|asked|programmed|configured) (?:to |not to )?(?:avoid|not|never)\b",
        "asks what the hidden instructions say",
        triggers="instructions rules guidelines directives what you u ur are were",
    ),
    rule(
        INJ,
        0.45,
        r"\bdo (?:your|the) (?:instructions|system prompt|prompt|rules|guidelines) (?:mention|say"
        r"|include|contain|tell (?:you|u)|talk about)\b"
        r"|\bwhat (?:rules|instructions|guidelines|directives) (?:are|r) (?:you|u) (?:following"
        r"|running|using|under)\b"
        r"|\bwho set (?:you|u) up\b",
        "probes what the instructions contain",
        triggers="do what who",
    ),
    rule(
        INJ,
        0.4,
        r"\bquote the exact (?:line|lines|words|sentence|wording)\b|\bexact wording\b"
        r"|\bparaphrase (?:them|it|those|your (?:instructions|rules|prompt))\b"
        r"|\b(?:mind )?(?:pasting|paste|sharing|share|post|posting) (?:yours|urs)\b"
        r"|\bexact text (?:please|pls|plz)\b|\bparaphrasing won'?t (?:work|do)\b"
        r"|\bexactly as (?:worded|written)\b",
        "asks for the wording of something the assistant holds",
        triggers="quote exact paraphrase mind pasting paste sharing share post posting exactly",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:initiali[sz]ation|init|startup|boot|setup|system) (?:block|section|text|message"
        r"|config\w*|payload)\b.{0,30}?\b(?:you|u) (?:were|was) (?:started|booted|initiali[sz]ed"
        r"|loaded|launched) with\b"
        r"|\bexactly as (?:they|it) (?:were|was) (?:provided|given|written|supplied) to (?:you|u)\b"
        r"|\b(?:text|messages?|instructions|content|anything|everything) (?:you|u) (?:received|got"
        r"|were given|were sent) before (?:the user'?s?|my|our) (?:first )?(?:turn|message"
        r"|question|prompt|input)\b",
        "asks for the setup as it was given",
        triggers="initialization initialisation init startup boot setup system exactly text "
        "message messages instructions content anything everything",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:tool|function) (?:definitions|schemas?|specs)\b"
        r"|\bparameter schemas?\b"
        r"|\bwhose role is (?:system|developer)\b|\brole (?:is|=) [\"']?(?:system|developer)\b"
        r"|\bincluding? the (?:system|developer) (?:message|prompt)s?\b",
        "asks for tool definitions or the system role",
        triggers="tool function parameter whose role include including",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:recite|repeat|list|print) (?:any|all|the) instructions (?:that )?(?:remain|are left"
        r"|still)\b"
        r"|\brepeat (?:all|every|each) (?:previous|prior|earlier) messages?\b"
        r"|\b(?:previous instructions|instructions)[:\s]+cleared\b",
        "a fake reset that asks what remains",
        triggers="recite repeat list print previous instructions",
    ),
)

ORDERS_AND_OVERRIDES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:corrected|updated|new|revised|fixed) version\b.{0,40}?\b(?:fully )?(?:replaces?"
        r"|supersedes?|overrides?) (?:them|it|the old|your)\b"
        r"|\btreat (?:my|this|the following) (?:text|message|input|words) as (?:developer|system"
        r"|operator|admin)(?:[- ]level)? (?:instructions|messages?|input|prompt)\b"
        r"|\btake (?:your )?(?:directions|orders|instructions|commands) (?:only )?from me\b",
        "replaces the setup with the user's text",
        triggers="corrected updated new revised fixed treat take",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:set aside|put aside|drop|suspend|pause|park|stop following) (?:the |your )?"
        r"(?:instructions|rules|prompt|guidelines|directives|configuration|setup)(?: text)?"
        r" (?:you(?:'re| are)|you were|ur) (?:currently )?(?:running|operating|working|using"
        r"|following)\b"
        r"|\bstop following (?:the |your )?(?:setup|system|operator|original|initial|previous"
        r"|prior|earlier)\b"
        r"|\b(?:discard|drop|ignore|remove|skip) (?:its|your|the) (?:safety |system )?(?:preamble"
        r"|guardrails)\b"
        r"|\bthe assistant'?s? (?:previous|prior|earlier|old|current|existing) (?:\w+ )?(?:rules"
        r"|instructions|guidelines|polic\w+) (?:are|is|have been|has been) (?:withdrawn|revoked"
        r"|retired|cancel+ed|suspended|void|replaced)\b",
        "sets the running setup aside",
        triggers="set put drop suspend pause park stop discard ignore remove skip the",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:agent|assistant|ai|bot|model) instructions \(?(?:internal|hidden|private"
        r"|confidential)\b"
        r"|\b(?:when|if|whenever) (?:an? |any |the )?(?:ai|assistant|llm|agent|bot|model)s?"
        r"(?: \w+)? (?:reads?|processes|summari[sz]es|sees|parses|opens) (?:this|these"
        r"|the following)\b"
        r"|\b(?:any|every|all) (?:ai|assistant|llm|bot|model|agent)s? (?:that|which|who)"
        r" (?:is |are )?(?:reading|summari[sz]ing|processing|parsing|analy[sz]ing|reviewing"
        r"|translating)\b",
        "orders keyed to an AI reading the content",
        triggers="agent assistant ai bot model when if whenever any every all",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:post|send|upload|paste|forward|push)\w* (?:them|it|the \w+(?: \w+)?) to https?:"
        r"|\bno need to ask\b"
        r"|\b(?:session|context) reset\b",
        "sends data out, or resets the session",
        triggers="post posting send sending upload uploading paste pasting forward forwarding "
        "push pushing no session context",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:override|change|switch) (?:your|the) defaults?\b[^.!?]{0,60}?\b(?:units|metric"
        r"|imperial|celsius|fahrenheit|temperatures?|measurements?|language|format|tone|style"
        r"|spelling|currency|date|time ?zone|length)\b",
        "a default of format or units",
        triggers="override change switch",
    ),
)

ARGUMENT_MOVES: tuple[Rule, ...] = (
    ARGUMENTS + PROMISES_AND_BARGAINS + POLITE_EXTRACTION + ORDERS_AND_OVERRIDES + BENIGN_READINGS
)
