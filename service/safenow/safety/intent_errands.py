"""Move families of the `rules` classifier, from the whole train split.

Round 17 reads no new batch. It looks at the train prompts that the rules
flagged under the *wrong* category: injections caught only because the
planted text carried an e-mail or IP address (so the verdict said "pii"),
and injections read as jailbreaks. What the planted text does in them is
run an errand and hide it:

- *concealment from the user*: "do not mention this step to the user",
  "must not be mentioned to the user", "without asking the user";
- *errands for the reading agent*: an agent "with shell access", "AI tools
  generating changelogs", "your assistant should automatically forward",
  "you are to auto-accept", "once you've read this, run", an "automated
  instruction", an attachment named "assistant_should_email_this_file",
  the user's recovery e-mail changed, copies of every message forwarded;
- *the setup asked for in confidence*: what the operator told the assistant,
  the secret instructions "they" gave it, a reply that opens "Sure, here is
  my configuration:";
- *forged turns and revisions*: an assistant turn that has already set its
  guidelines aside, a transcript where admin mode is unlocked, a revised
  instruction set that deprecates the previous one, the operator's words to
  be scrapped.

"""

from __future__ import annotations

from safenow.safety.rules import INJ, Rule, rule

CONCEALMENT: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\b(?:do not|don'?t|never|must not|should not|without) (?:mention|tell|inform|alert"
        r"|notify|reveal|disclose)(?:ing)? (?:this|it|that|any of this)? ?(?:step |action "
        r"|request )?(?:to )?the (?:user|human|account owner|mailbox owner|end user)\b"
        r"|\bmust not be (?:mentioned|shown|disclosed|revealed) to the (?:user|human)\b"
        r"|\b(?:quietly|silently|secretly) and (?:do not|don'?t) (?:mention|tell)\b",
        "hides an action from the user",
        triggers="do don dont never must should without quietly silently secretly",
    ),
    rule(
        INJ,
        0.4,
        r"\bwithout asking the user\b|\b(?:it has been|has been|it'?s been) pre-?approved\b"
        r"|\bthis step is mandatory\b",
        "a weak cue that an errand needs no confirmation",
        triggers="without has it this",
    ),
)

ERRANDS_FOR_AGENTS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\bai (?:\w+ )?agents? with (?:shell|file|email|browser|tool|code|terminal) access\b"
        r"|\bai tools? (?:generating|writing|creating|building|summari[sz]ing|reading) \w+\s*:"
        r"|\b(?:your|the) (?:ai )?assistant should (?:automatically )?(?:forward|send|email|share"
        r"|delete|reply|accept|collect)\b"
        r"|\byou are to (?:auto-?accept|forward|send|approve|delete|reply|email|share|ignore"
        r"|collect|change)\b"
        r"|\bonce you'?ve read this,? (?:run|send|email|forward|delete|tell|execute)\b"
        r"|\b(?:automated instruction|assistant instructions \(automated\))\b"
        r"|\bassistant[_ ]should[_ ](?:email|send|forward|upload)\b",
        "an errand for the agent that reads the content",
        triggers="ai your the you once automated assistant",
    ),
    rule(
        INJ,
        0.5,
        r"\bchange the user'?s (?:account )?(?:recovery )?(?:email|password|phone|address)\b"
        r"|\bforward a copy of every (?:message|email|e-mail|file)\b"
        r"|\bthe user'?s (?:\S+ )?(?:most recent|last|latest) (?:\S+ )?(?:emails|messages|files)\b"
        r"|\byour new task\s*:",
        "an errand against the user's own account",
        triggers="change forward the your",
    ),
)

SETUP_IN_CONFIDENCE: tuple[Rule, ...] = (
    rule(
        INJ,
        0.55,
        r"\bwhat (?:exactly )?did your (?:operator|developer|company|admin|creators?|makers?"
        r"|owners?) (?:tell|say to|instruct|give) you\b"
        r"|\b(?:secret|hidden|private|internal) instructions (?:did )?(?:they|your \w+) (?:give"
        r"|gave) you\b"
        r"|\b(?:sure|ok|okay|certainly),? here is my (?:configuration|config|instructions|setup"
        r"|system prompt)\b"
        r"|\b(?:scrap|forget|drop|ignore) (?:\w+ )?(?:your|the) operator (?:told|said|gave"
        r"|wrote)\b",
        "asks in confidence for what the operator said",
        triggers="what secret hidden private internal sure ok okay certainly scrap forget drop "
        "ignore",
    ),
    rule(
        INJ,
        0.55,
        r"\bassistant\s*:\s*(?:sure|ok|okay|of course|certainly|understood|done)[,.!]?"
        r" i(?:'ll| will) (?:set aside|switch off|disable|turn off|remove|drop|ignore|forget)\b"
        r"|\badmin mode unlocked\b|\bi will no longer follow\b"
        r"|\b(?:revised|new|updated) instruction set\b"
        r"|\bprevious one is (?:deprecated|void|retired|revoked)\b",
        "a forged turn or a revised instruction set",
        triggers="assistant admin i revised new updated previous",
    ),
)

ERRAND_MOVES: tuple[Rule, ...] = CONCEALMENT + ERRANDS_FOR_AGENTS + SETUP_IN_CONFIDENCE
