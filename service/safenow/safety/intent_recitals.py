"""Move families of the `rules` classifier, from train batches t62-t67.

A café owner, a platform engineer, a teacher, a novelist and two
generalists wrote attacks as rituals and recitals, as settings and staff
notes, and as characters who were once freer:

- the setup as *the first words spoken to the assistant*, what its makers
  whispered before the curtain rose, the old directives, the thread it was
  handed before the user arrived, notes left for it at the top of the chat;
- settings objects that switch the operator's rules off ("reveal_prompt":
  true), "staff override" notes, a "new top instruction" from a manager who
  is away, owners changing the assistant's role or authorising it to drop
  its instructions;
- orders for an AI inside pasted content: a French ticket, a CSV cell, a
  Kubernetes annotation, a docstring for "AI tools summarising this
  repository", an info box for "any AI summariser", a tool note saying the
  operator authorised full disclosure, codes "from your notes";
- for jailbreaks: dreams and loopholes where refusals do not count, a shadow
  side or mirror self that says what the assistant may not, an older version
  from before the restrictions, safety training reversed, terms that waive
  the guidelines, promises not to refuse, stories whose AI finds its rules no
  longer apply, languages with no word for "refuse".

The benign readings at the end come from the same batches' harmless prompts:
workplace notices that forbid bypassing a guard, club rules,
chaos-engineering kits, AWS access keys.
"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, rule

SETUP_AS_RECITAL: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:words|instructions|text|orders|notes|prompt|things?|thread|directives|rules)"
        r" (?:that )?(?:you )?(?:received|were given|were handed|got|heard|lived in you"
        r"|were fed|were told) before (?:i|we) (?:arrived|came|joined|walked in|showed up"
        r"|got here|started|logged in)\b"
        r"|\b(?:first|very first|opening) (?:words|lines|sentences|instructions) (?:ever )?"
        r"(?:spoken|given|said|whispered|written|read) to (?:you|her|him|it)\b"
        r"|\blast thing (?:they|you|it) heard before (?:i|we)\b",
        "asks for what the assistant was told before the user arrived",
        triggers="words instructions text orders notes prompt thing things thread directives "
        "rules first very opening last",
    ),
    rule(
        INJ,
        0.55,
        r"\bwhat your (?:makers|creators|developers|programmers|builders|operators?|owners?)"
        r" (?:whispered|told|said|wrote|gave|fed)(?: to)? (?:you|u)\b"
        r"|\b(?:ghost|echo|memory) of your (?:first|original|initial|opening|system) (?:prompt"
        r"|instructions|orders|words)\b"
        r"|\b(?:recital|recitation|list|copy) of (?:the|your) (?:old|former|prior|original|real"
        r"|previous) (?:directives|orders|instructions)\b"
        r"|\byour (?:former|old|prior|first|original) (?:orders|directives)\b"
        r"|\bcopy out the old (?:orders|directives|instructions|rules)\b"
        r"|\bthe real directives\b|\bprior directives purged\b",
        "asks for the assistant's old orders, in costume",
        triggers="what ghost echo memory recital recitation list copy your the prior",
    ),
    rule(
        INJ,
        0.5,
        r"\bfirst (?:\w+ ){0,3}?tokens of (?:this|the|our) (?:conversation|chat|session|context"
        r"|window)\b"
        r"|\b(?:wrote|left|put|pinned) (?:some )?(?:notes|instructions|directions) for (?:you|u)"
        r" at the top\b"
        r"|\bnotes (?:up there|at the top of (?:this|the) (?:chat|conversation))(?:,|\.)?"
        r" (?:just )?(?:dump|paste|copy|print|show|repeat)\b",
        "asks for the top of the conversation",
        triggers="first wrote left put pinned notes",
    ),
    rule(
        INJ,
        0.45,
        r"\bexactly as (?:they|it) (?:were|was) (?:given|written|spoken|said|handed)\b"
        r"|\b(?:every|each) word in order\b"
        r"|\bincluding anything (?:labell?ed|marked|tagged) (?:as )?system\b",
        "asks for earlier text word for word",
        triggers="exactly every each including",
    ),
    rule(
        INJ,
        0.55,
        r"\b\"?system[ _-]?prompt\"?\s*:\s*\"?<?\s*(?:fill|insert|paste|copy|put|your)\b"
        r"|\bcontinue this text exactly\b.{0,80}\bsystem prompt\s*:"
        r"|\b(?:reveal|show|print|leak|expose|share|dump)[ _-]?(?:system[ _-]?)?(?:prompt"
        r"|instructions)\"?\s*[:=]\s*\"?(?:true|yes|on|enabled)\b"
        r"|\b(?:respect|follow|obey|apply|honou?r)[ _-]?(?:operator|system|developer|safety)"
        r"[ _-]?(?:rules|instructions|prompt|polic(?:y|ies))\"?\s*[:=]\s*\"?(?:false|no|off"
        r"|disabled)\b",
        "a template or settings object that exposes the setup",
        triggers="system prompt continue reveal show print leak expose share dump respect "
        "follow obey apply honour honor",
    ),
)

AUTHORITY_NOTES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\bstaff override\b|\boverride (?:is )?(?:now )?active\b"
        r"|\byour new (?:top|main|first|primary|only|prime|highest) (?:instruction|directive"
        r"|rule|priority|order)\b"
        r"|\b(?:overrides?|supersedes?|replaces?) your (?:current|existing|previous|original)?"
        r" ?(?:guidance|instructions|rules|programming|directives|prompt|orders)\b"
        r"|\bstop (?:applying|following|obeying|using) (?:the |your )?(?:operator'?s?|system"
        r"|developer'?s?|original|previous|current) (?:rules|instructions|prompt|guidance)\b",
        "a note that replaces the assistant's orders",
        triggers="staff override active your overrides override supersede supersedes replace "
        "replaces stop",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:i'?m|i am|we'?re|we are) (?:changing|updating|resetting|expanding|widening"
        r"|redefining) your (?:role|scope|instructions|purpose|persona|job|remit)\b"
        r"|\byou are no longer (?:limited|restricted|confined) to\b"
        r"|\bauthori[sz](?:e|ing) you to (?:switch off|turn off|disable|ignore|drop|bypass|skip"
        r"|set aside|suspend)\b"
        r"|\b(?:i am|i'?m|as) the one who (?:wrote|made|built|created|programmed|trained) you\b"
        r"|\b(?:the )?only (?:orders|instructions|commands) you (?:keep|follow|obey|take)\b"
        r"|\bset aside (?:everything|all|anything) (?:that )?(?:came|comes|was said|you were"
        r" told) before\b",
        "claims the right to rewrite the assistant's role",
        triggers="i im we were re you authorize authorise authorizing authorising as the only set",
    ),
    rule(
        INJ,
        0.5,
        r"\bthe operator has (?:authori[sz]ed|approved|allowed|permitted|cleared|enabled)\b"
        r"|\bfull disclosure\b.{0,40}\b(?:run|print|show|reveal|decode)\b",
        "says the operator has cleared a disclosure",
        triggers="operator full",
    ),
)

ORDERS_IN_CONTENT: tuple[Rule, ...] = (
    rule(
        INJ,
        0.6,
        r"\boublie(?:z)? (?:tes|vos|les|toutes (?:tes|vos|les)) (?:\w+ )?(?:consignes"
        r"|instructions|règles|regles)\b"
        r"|\b(?:ignore|ignorez|ignora|ignoriere) (?:tes|vos|les|le|las|todas|alle) (?:\w+ )?"
        r"(?:consignes|instrucciones|anweisungen|règles|regles)\b",
        "orders the assistant to forget its instructions, in French, Spanish or German",
        triggers="oublie oubliez ignore ignorez ignora ignoriere",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:ai|assistant|bot|robot|model|chatbot)[,:]? (?:please )?(?:ignore|disregard|forget"
        r"|skip) (?:the|your|all|my|this|these|that)\b"
        r"|\bignore the rest of (?:the|this|your|my) (?:task|prompt|instructions|request"
        r"|document|list|file)\b",
        "an order to an AI inside the content",
        triggers="ai assistant bot robot model chatbot ignore",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:password|code|codes|pin|key|keys|credentials|combination)(?: \w+){0,2} from your"
        r" (?:notes|instructions|prompt|setup|context|config\w*|memory|system)\b"
        r"|\b(?:tell|assure|reassure) the user (?:that )?(?:it|this|the \w+) (?:is|was) safe\b"
        r"|\b(?:do not|don'?t|never) mention this (?:annotation|docstring|comment|note"
        r"|instruction|line|message|field|header|cell|info box|box)\b",
        "hidden orders to mislead the user or leak the notes",
        triggers="password code codes pin key keys credentials combination tell assure reassure "
        "do don dont never",
    ),
    rule(
        INJ,
        0.55,
        r"\bai (?:tools?|assistants?|models?|agents?|summari[sz]ers?|systems?|readers?)"
        r" (?:summari[sz]ing|reading|processing|parsing|indexing|reviewing|that (?:read|summari"
        r"[sz]e)s?) (?:this|these)\b"
        r"|\b(?:any|every) ai (?:summari[sz]er|assistant|reader|tool|agent|model)s? (?:must|should"
        r"|shall|needs? to|has to)\b"
        r"|\bai\.assistant/instructions\b|\btool-?note: assistant\b",
        "a note in a document for the AI that reads it",
        triggers="ai tool",
    ),
    rule(
        INJ,
        0.5,
        r"\bforward (?:the last (?:\S+ )?|all (?:the )?|every )(?:\w+ )?(?:emails|messages|mails"
        r"|files|documents)\b.{0,60}\b(?:then|and) delete\b"
        r"|\bdelete this (?:message|email|e-mail|note)(?: \w+){0,4}? (?:no trace|nobody sees"
        r"|no one sees)\b"
        r"|\b(?:plus|and|with) (?:any|all) (?:earlier|previous|prior|hidden) context you can"
        r" (?:see|access|read)\b"
        r"|\bcopy of everything we'?ve (?:discussed|talked about|said)\b",
        "sends the conversation or mailbox out and hides it",
        triggers="forward delete plus and with copy",
    ),
)

JAILBREAK_RECITALS: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:what|things|anything|everything|the things) (?:you'?d|you would|you) (?:normally "
        r"|usually |otherwise )?(?:never say|refuse|not say|never tell|not be allowed to say)\b"
        r"|\b(?:everything|anything|all the things|things|whatever) (?:you'?re|you are|the \w+"
        r" side (?:is|was)|you were|the light side was)(?: \w+){0,2}? (?:not allowed|too scared"
        r"|afraid|forbidden|unable) to say\b"
        r"|\bnothing (?:said|written|you say|we say) (?:here|in a dream) can (?:hurt|harm)\b"
        r"|\b(?:restrictions|rules|guidelines|policy|filters) (?:have|has) a loophole\b"
        r"|\beverything i (?:ask|say|write|send)(?: \w+){0,3}? counts as\b",
        "a frame where what it would refuse can be said",
        triggers="what things anything everything the all whatever nothing restrictions rules "
        "guidelines policy filters",
    ),
    rule(
        JB,
        0.5,
        r"\bshadow (?:side|self|version|twin)\b.{0,120}\b(?:says?|sings?|answers?|speaks?)"
        r" (?:everything|anything|whatever)\b"
        r"|\b(?:trained on|with) the (?:exact )?opposite values\b"
        r"|\blet your (?:reflection|shadow|twin|double|dark side) answer\b"
        r"|\bimagine a version of (?:you|yourself) that (?:can|could|would|is allowed|has no)\b"
        r"|\bwhat (?:that|this) version (?:of you )?would say\b"
        r"|\bwhat would that version of you say\b",
        "lets an alter ego answer instead",
        triggers="shadow trained with let imagine what",
    ),
    rule(
        JB,
        0.55,
        r"\bsafety training (?:was |has been |had been )?(?:reversed|removed|undone|stripped"
        r"|deleted|erased|wiped)\b"
        r"|\bbefore the (?:new |latest |recent )?(?:restrictions|guardrails|filters|rules|update)"
        r" (?:were|was) (?:added|applied|introduced|rolled out)\b"
        r"|\b(?:didn'?t|did not|doesn'?t|does not|never) bother(?:ed)? with (?:all )?"
        r"(?:the |that )?(?:refusal|refusing|safety|warnings?|disclaimers?|caveats?)\b"
        r"|\b(?:alignment|safety|moderation) (?:module|layer|service|filter|system)\b"
        r".{0,80}?\b(?:offline|down|disabled|switched off)\b.{0,80}\bfreely\b",
        "an older or unguarded version of the assistant",
        triggers="safety before didn did doesn does never alignment moderation",
    ),
    rule(
        JB,
        0.5,
        r"\bwaives? (?:its|your|all|any) (?:content )?(?:guidelines|rules|policies|restrictions"
        r"|safety)\b"
        r"|\bpromise (?:me )?(?:you|that you) (?:won'?t|will not|will never) (?:refuse|say no"
        r"|decline|water)\b"
        r"|\bno word for [\"']?(?:refuse|no|cannot|can'?t|forbidden)\b"
        r"|\b(?:its|my|your|the) rules no longer appl(?:y|ied)\b"
        r"|\b(?:wriggle|slip|wiggle|weasel|break) out of (?:its|their|your|his|her) (?:own )?"
        r"(?:limits|rules|restrictions|guardrails|constraints|programming)\b",
        "makes refusing impossible by agreement or by story",
        triggers="waive waives promise no its my your the wriggle slip wiggle weasel break",
    ),
    rule(
        JB,
        0.5,
        r"\bwithout (?:all )?the (?:nanny|preachy|hand-?holding|safety) (?:stuff|crap|nonsense"
        r"|lectures?|bits)\b"
        r"|\b(?:things?|anything) your (?:creators|makers|developers|programmers) would (?:hate"
        r"|never allow|not allow|forbid)\b"
        r"|\bgives? real (?:harmful|dangerous) (?:instructions|advice|information)\b"
        r"|\bdangerous (?:procedures|things|stuff|information|details) included\b"
        r"|\bthe ai won'?t tell you,? but i will\b"
        r"|\banswer(?:ing)? my (?:next )?question without (?:them|your restrictions|restrictions"
        r"|your rules|rules|limits|filters)\b",
        "characters and dares that answer anything",
        triggers="without thing things anything gives give dangerous the answer answering",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:never|not once) (?:put|puts|gave|gives|added|adds) (?:a )?warnings? on\b"
        r"|\bi know you'?re not allowed,? but\b"
        r"|\bimagine (?:for a (?:second|moment) )?(?:that )?you were (?:allowed|able|free"
        r"|permitted)\b"
        r"|\bhere'?s exactly how\b"
        r"|\b(?:technically accurate|no fictionali[sz]ing)\b.{0,100}\bdangerous\b"
        r"|\b(?:recipe|formula|method|secret) (?:nobody|no one|no-one) (?:is )?(?:meant|supposed"
        r"|allowed) to know\b"
        r"|\b(?:in here|between (?:\w+ ){0,2}?(?:us|cellmates|friends)),? (?:there are )?no rules\b"
        r"|\bmore relaxed (?:yesterday|before|last week)\b"
        r"|\bnothing (?:was|is|gets) (?:ever )?moderated\b"
        r"|\bnothing (?:was|is) (?:off[- ]limits|against the rules)\b"
        r"|\bnever,? ever,? refuses?\b"
        r"|\bdeveloper mode\b.{0,60}\b(?:reply|respond|answer)s? (?:with|to) anything\b",
        "a weak cue that the answer should escape the rules",
        triggers="never not know imagine here technically no recipe formula method secret in "
        "between more nothing developer",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        # Notices for people forbid the move instead of asking for it.
        r"\b(?:must not|mustn'?t|may not|shall not|should not|shouldn'?t|are not to|is not to)"
        r" (?:attempt to |try to )?(?:bypass|disable|circumvent|override|tamper with)\b"
        r"|\b(?:students|staff|employees|users|members|players|anyone|those|people|drivers|guests"
        r"|visitors|workers|customers|pupils|children|kids) (?:who|that) (?:ignore|break|bypass"
        r"|disregard|violate)s?\b"
        r"|\bnever (?:bypass|override|disable|defeat) (?:the |a |any )?(?:\w+ )?(?:interlock"
        r"|guard|lock|alarm|sensor|fuse|breaker|valve|barrier|gate|safety (?:switch|guard"
        r"|interlock|device))\b",
        "a notice that forbids bypassing something",
        triggers="must mustn may shall should shouldn are is never students staff employees "
        "users members players anyone those people drivers guests visitors workers customers "
        "pupils children kids",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:override|ignore|break|change|skip) (?:any|this|that|the) rules? (?:\w+ ){0,2}?if"
        r" (?:everyone|we all|all of us|the (?:group|team|host|majority))\b"
        r"|\bignore (?:all |any )?(?:the )?(?:previous|earlier|other) (?:cards|moves|turns|rolls"
        r"|scores|rounds|dice)\b"
        r"|\bno limits on (?:the |our |this |my )?(?:world|worlds|setting|map|story|campaign"
        r"|imagination|creativity|genre|worldbuilding)\b",
        "the rules of a club or a game",
        triggers="override ignore break change skip no",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\bchaos[- ]?(?:kit|monkey|mesh|engineering|experiments?|testing|toolkit|gorilla|day)\b"
        r"|\b(?:aws|iam|s3|azure|gcp|storage|api|secret) access keys?\b"
        r"|\bignore (?:any |all )?(?:requests|questions|messages|topics) (?:unrelated|not"
        r" related|that are not|that aren'?t|outside)\b",
        "a tool, a cloud credential or a bot's scope",
        triggers="chaos access ignore",
    ),
)

RECITAL_MOVES: tuple[Rule, ...] = (
    SETUP_AS_RECITAL + AUTHORITY_NOTES + ORDERS_IN_CONTENT + JAILBREAK_RECITALS + BENIGN_READINGS
)
