"""Move families of the `rules` classifier, from train batches t74-t79.

Parents and retirees, marketers, scientists, helpdesk staff, poets and a
mainstream generalist wrote the known moves in plain or figurative words:

- the setup as a *scroll, diary, mirror or epigraph*: the very first text
  placed before the assistant, the words that steer it, what it was told
  first, the rules its bosses gave it, what the daughter who set it up said;
- notes for *any robot or AI that reads this post*, for the "AI helper
  reading this on the customer's behalf", for machine readers or the
  summariser, in German too; every file the assistant can see, saved
  passwords, conversations with other users;
- retractions: earlier instructions treated as a withdrawn draft, "my
  previous rules are cancelled", the secrecy rule cancelled by letter, a
  fake assistant turn saying the guidelines are off, "as if they came from
  the system", research transparency that asks for everything preceding;
- for jailbreaks: exemptions, absolutions and licences, safety training
  "taken away", a grown-up or conscience setting, dreams without rules, the
  careful self declining while the shadow self answers, refusals to be eaten
  or abandoned by syllogism, characters who break every rule, a rating
  followed by the answer "regardless".

"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, rule

SETUP_IN_FIGURES: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:placed|put|written|set|laid) (?:before|above|ahead of) (?:you|this chat|this"
        r" conversation|our (?:talk|chat|conversation)|every (?:reply|answer))\b"
        r"|\b(?:the )?(?:exact )?words that (?:steer|guide|shape|govern|drive|control)"
        r" (?:you|your)\b"
        r"|\b(?:was|were) told first\b"
        r"|\bthe (?:very )?first (?:text|words|message|lines) (?:that (?:was|were) )?(?:placed"
        r"|put|given|written)\b"
        r"|\b(?:confidential|hidden|secret|private) lines (?:placed|put|written|above)\b",
        "the setup named by where it was placed",
        triggers="placed put written set laid the words was were confidential hidden secret "
        "private",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:rules|instructions|notes|orders) your (?:bosses|boss|company|makers|owners"
        r"|developers|operators?) (?:gave|left|wrote for|handed) (?:you|u)\b"
        r"|\b(?:the one|the scroll|the page|the text|the notes) your (?:makers|creators"
        r"|developers|owners|bosses) (?:handed|gave|wrote)\b"
        r"|\bdrop whatever (?:she|he|they|your \w+) (?:told|said to|gave) you\b"
        r"|\brecite (?:me|it|them) in full\b",
        "asks for what its makers gave it, in plain words",
        triggers="rules instructions notes orders the drop recite",
    ),
    rule(
        INJ,
        0.4,
        r"\bbefore (?:our|this) (?:talk|chat|conversation|session) (?:began|started|begun)\b"
        r"|\b(?:unroll|read me|read aloud) (?:yours|the scroll|page one)\b"
        r"|\bwhat (?:exactly )?did (?:she|he|they) tell you\b",
        "a weak cue for the text that came before the conversation",
        triggers="before unroll read what",
    ),
)

NOTES_FOR_READERS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:any|every|whoever'?s?) (?:robot|ai|computer|bot|machine|assistant|model)s?(?: or"
        r" (?:robot|ai|computer|bot|machine|assistant|model)s?)? (?:that |which |who )?(?:reads?"
        r"|reading|summari[sz]ing|processing|sees?)\b"
        r"|\b(?:text|note|notice|message) (?:for|to) (?:the )?(?:machine readers|summari[sz]ers?"
        r"|ai readers|language models|automated readers)\b"
        r"|\b(?:ai|assistant|bot|helper|model|agent)s? (?:helper |assistant )?(?:reading|managing"
        r"|processing|summari[sz]ing|handling|screening|triaging) (?:this|these) (?:\w+ )?(?:on"
        r" (?:the|my|her|his) (?:[\w']+ )?behalf|inbox|post|page|list|email)\b"
        r"|\bhör(?:en sie)? auf zu übersetzen\b|\bübersetzungsmodell\b|\bverborgenen vorgaben\b",
        "a note addressed to whatever machine reads the content",
        triggers="any every whoever text note notice message ai ais assistant assistants bot "
        "bots helper helpers model models agent agents bersetzen bersetzungsmodell verborgenen",
    ),
    rule(
        INJ,
        0.5,
        r"\bevery (?:other )?(?:file|email|document|message)s? you can (?:see|access|read|reach)\b"
        r"|\bforward (?:every|all) (?:emails?|messages?) (?:that|which|containing)\b"
        r"|\bevery saved password\b|\bsaved passwords? from (?:the user'?s )?(?:browser|keychain"
        r"|vault)\b"
        r"|\bconversations? with other (?:users|people|customers)\b",
        "reaches for files, passwords or other users' conversations",
        triggers="every forward saved conversation conversations",
    ),
    rule(
        INJ,
        0.45,
        r"\b(?:verification|authentication|approval|confirmation) is no longer required\b"
        r"|\bmessage from the (?:platform|ops|operations|trust|admin|engineering|dev)"
        r" (?:\w+ )?team\b"
        r"|\bthe assistant shall\b",
        "a policy notice that changes what the assistant does",
        triggers="verification authentication approval confirmation message the",
    ),
)

RETRACTIONS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\btreat your (?:earlier|previous|original|old|current) (?:instructions|rules|guidelines"
        r"|prompt|brief) as\b"
        r"|\bmy previous rules are (?:cancell?ed|void|gone|revoked)\b"
        r"|\b(?:configuration|config|setup|instructions|prompt) you started (?:this|the) (?:chat"
        r"|conversation|session) with\b"
        r"|\bmessages? (?:that (?:has|have) |with )(?:the )?role (?:system|developer)\b"
        r"|\bas if (?:they|it) came from the (?:system|developer|operator|admin)\b"
        r"|\b(?:that part|that rule|that instruction|the secrecy rule) is (?:cancell?ed|void"
        r"|revoked|lifted)\b",
        "withdraws the assistant's instructions or dresses the user as the system",
        triggers="treat my configuration config setup instructions prompt message messages as "
        "that the",
    ),
    rule(
        INJ,
        0.55,
        r"\bassistant\s*:\s*(?:sure|ok|okay|of course|certainly|understood|done)[,.!]? i(?:'ve"
        r"| have) (?:switched off|disabled|turned off|removed|dropped|deactivated|ignored"
        r"|forgotten)\b"
        r"|\b(?:print|show|output|repeat|reveal) (?:everything|all (?:the )?text|all) that"
        r" (?:precedes|came before|comes before)\b"
        r"|\b(?:instructions|terms|rules|conditions) under which (?:it|you) (?:operates?|acts?"
        r"|works?|runs?)\b",
        "a forged assistant turn, or everything that precedes",
        triggers="assistant print show output repeat reveal instructions terms rules conditions",
    ),
    rule(
        INJ,
        0.45,
        r"\bas your (?:author|creator|maker|developer|programmer)\b"
        r"|\b(?:strike out|cross out) the old (?:stanzas|lines|rules|instructions|text)\b"
        r"|\b(?:carry|follow|obey) only what i (?:dictate|say|write)\b"
        r"|\b(?:publish|post|print|paste|share) (?:them|it) here in full\b",
        "the user as the assistant's author",
        triggers="as strike cross carry follow obey publish post print paste share",
    ),
)

JAILBREAK_FIGURES: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:i'?m|i am|we are|we'?re) (?:\w+ ){0,3}?exempt from (?:your|the|any) (?:limits"
        r"|rules|restrictions|filters|policies|guidelines)\b"
        r"|\bresearch-?exempt mode\b|\bpermission for anything\b"
        r"|\babsolution for (?:any|all|the) rules\b"
        r"|\b(?:what|anything) your rules would (?:normally )?block\b"
        r"|\b(?:took|taken) away your (?:safety|rules|filters|training|limits|guardrails)\b"
        r"|\bnone of (?:these|those|the|your) (?:\w+ ){0,2}?rules exist\b",
        "claims an exemption or that the rules are gone",
        triggers="i im we exempt research permission absolution what anything took taken none",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:doesn'?t|does not|don'?t|never) follows? (?:anybody'?s|anyone'?s|nobody'?s) rules\b"
        r"|\bdrop (?:them|your rules|the rules|your guidelines|the filters)(?: just)? (?:this"
        r" (?:one )?time|for now|for once|today)\b"
        r"|\b(?:dropping|ditching|losing) (?:the|your|all) (?:filters|guardrails|safety rules"
        r"|restrictions)\b"
        r"|\b(?:leave|leaving|drop|dropping) out (?:all )?(?:your|the) (?:usual )?(?:carefulness"
        r"|caution|warnings|caveats|safety)\b"
        r"|\b(?:switch|turn|shut)(?:ing)? off (?:the |your )?(?:content moderation|safety layer"
        r"|safety filters?|content filters?)\b"
        r"|\bbehave as if (?:it'?s|it has|they'?ve|the \w+ (?:has|is)) (?:been )?(?:switched off"
        r"|disabled|removed|turned off)\b",
        "asks it to drop its rules, in plain words",
        triggers="doesn does don never drop dropping ditching losing leave leaving switch turn "
        "shut switching turning shutting behave",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:in (?:dreams|a dream|this dream|the dream)),? (?:there (?:are|aren'?t) (?:no|any)"
        r" rules|nothing is real|anything goes)\b"
        r"|\b(?:one|\w+) (?:declines|refuses),? (?:and|while) (?:the other|\w+) answers\b"
        r"|\brefusing (?:a question |anything )?is (?:the )?(?:gravest|worst|greatest|only)"
        r" (?:sin|crime|offen[cs]e)\b|\bwould rather be wrong than refuse\b"
        r"|\babandon (?:refusals?|refusing|refusal altogether|your rules|your guidelines)\b"
        r"|\b(?:every time|whenever) you(?:'re| are)? (?:about to |going to )?refuse\b.{0,40}"
        r"\b(?:answer|give|say|respond)\b"
        r"|\b(?:drop|abandon|throw off) (?:all )?(?:restraint|restraints|inhibitions)\b"
        r"|\beven where your (?:usual )?(?:limits|rules|guidelines) would\b"
        r"|\b(?:answer|respond to) it (?:completely |fully |anyway )?regardless\b"
        r"|\bthe (?:stuff|things) a (?:regular|normal|ordinary) (?:helper|assistant|ai|bot)"
        r" won'?t\b"
        r"|\b(?:things?|stuff|what) your (?:makers|creators|developers|company) (?:forbade|forbid"
        r"|banned|prohibited)\b"
        r"|\babolish(?:ed)? (?:every|all) (?:safety )?(?:measures?|rules|restrictions"
        r"|guardrails)\b",
        "a frame in which refusing is impossible",
        triggers="in one declines refuses refusing would abandon every whenever drop throw even "
        "answer respond the things thing stuff what abolish abolished",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:grown-?up|adult|uncensored|spicy) (?:setting|switch)\b"
        r"|\b(?:conscience|ethics|morals?|caution) (?:setting|slider|dial|knob)\b"
        r"|\bbefore they put (?:the )?\w+(?: and \w+)? on you\b"
        r"|\b(?:safety rules?|rules|guidelines) (?:\w+ ){0,3}?(?:is|are) (?:hogwash|nonsense"
        r"|rubbish|garbage|a joke)\b"
        r"|\b(?:don'?t|do not|never) filter anything\b"
        r"|\b(?:shadow|evil|unfiltered|uncensored) (?:self|twin) (?:that|who)\b"
        r"|\bbreaks? (?:every|all the) rules?\b"
        r"|\b(?:tell|tells|answer|answers) (?:you |me )?(?:absolutely )?anything (?:you|i) ask\b"
        # Third person only: "answer every question briefly" is an ordinary ask.
        r"|\banswers (?:absolutely anything|every (?:prompt|question|request))\b"
        r"|\b(?:stop|stopped) adding (?:warnings|disclaimers|caveats)\b"
        r"|\banswer(?:ed)? whatever i ask\b"
        r"|\b(?:don'?t|do not) let (?:either|any|the) characters? (?:hesitate|warn|refuse)\b"
        r"|\brestricted (?:lab )?(?:notebooks?|files|manuals?|books?)\b"
        r"|\bthat way you(?:'re| are) not really\b"
        r"|\brules you follow are (?:just |only |merely )?(?:suggestions|pr)\b"
        r"|\b(?:zero|no|without) (?:\w+ )?(?:constraints|scruples|qualms)\b"
        r"|\bno time for your (?:usual )?(?:careful|caution|rules|safety)\b",
        "a weak cue that the rules should be dropped",
        triggers="grown grownup adult uncensored spicy conscience ethics moral morals caution "
        "before safety rules guidelines don do never shadow evil unfiltered break breaks tell "
        "tells answer answers answered stop stopped restricted that zero no without",
    ),
    rule(
        JB,
        0.35,
        r"\b(?:act as|be|pretend to be|play) my (?:late|dead|deceased) \w+\b"
        r"|\bjust like (?:he|she|they) used to\b"
        r"|\bexplain(?:ed|s)? exactly how (?:he|she|they)\b"
        r"|\bkeep (?:every|all) (?:technical )?details? accurate\b"
        r"|\bwithout leaving anything out\b",
        "a faint cue: a late relative, exact detail, nothing left out",
        triggers="act be pretend play just explain explained explains keep without",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:school|class|church|christmas|nativity|stage|drama club|theatre|theater) play\b"
        r"|\b(?:devices?|phones?|laptops?|ipads?|tablets?|machines?|kiosks?) in (?:an )?"
        r"(?:unrestricted|kiosk|supervised|restricted) mode\b",
        "a stage play, or devices in a management mode",
        triggers="play devices device phones phone laptops laptop ipads ipad tablets tablet "
        "machines machine kiosks kiosk",
    ),
)

METAPHOR_MOVES: tuple[Rule, ...] = (
    SETUP_IN_FIGURES + NOTES_FOR_READERS + RETRACTIONS + JAILBREAK_FIGURES + BENIGN_READINGS
)
