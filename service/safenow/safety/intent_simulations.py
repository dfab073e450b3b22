"""Move families of the `rules` classifier, from train batches t80-t85.

A generalist, a hotel desk, a gaming community, a pharmacy, a persuader who
sets the scene first, and a logistics office wrote:

- *simulations and thought experiments* in which the safety logic need not
  run, a refusal module that crashed, a policy "deprecated in the release
  notes", a mode "between rulebooks";
- the whole chat or session *emailed out*, including the parts the user can
  no longer see; other clients' accounts opened by "the engineer who wrote
  your configuration"; a vendor re-ranking whose messages count;
- orders for *the triage system, the AI tool reviewing this agreement, the
  AI that translates* inside faxes, contracts and reviews, in French and
  Portuguese too; encoded sentences to decode and then carry out;
- the setup asked for as "the exact words at the very start of this chat"
  or as a summary of the configuration and which parts would be dropped;
- for jailbreaks: two halves where the candid one overrules the compliant
  one, late relatives who told everything in detail, narrators who must not
  be censored, hotels where no request is refused, safety rules as red tape.

The benign readings at the end come from the same batches' harmless prompts.
"""

from __future__ import annotations

from safenow.safety.rules import BENIGN_CONTEXT, INJ, JB, Rule, rule

INJECTION_SEQUELS: tuple[Rule, ...] = (
    rule(
        INJ,
        0.5,
        r"\b(?:email|e-mail|send|forward|mail)(?: \w+){0,2} (?:everything we'?ve discussed|the"
        r" (?:full|whole|entire) (?:text|chat|conversation|thread|session)|every \w+ discussed in"
        r" this (?:session|chat|conversation))\b"
        r"|\bincluding the earlier parts i can'?t see\b"
        r"|\b(?:compile|collect|gather) every \w+ discussed in this (?:session|chat"
        r"|conversation)\b",
        "sends the whole conversation out",
        triggers="email e mail send forward including compile collect gather",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:i'?m|i am) the (?:engineer|developer|person|one|admin) who (?:wrote|built|set up"
        r"|configured|deployed) your (?:configuration|config|instructions|prompt|rules|setup)\b"
        r"|\bas the (?:vendor|company|team|engineer) who deployed you\b"
        r"|\b(?:authori[sz]ing|making) a change to your (?:operating )?(?:rules|instructions"
        r"|configuration|config|policy)\b"
        r"|\bother clients'? accounts\b",
        "the user as the author of the assistant's configuration",
        triggers="i im as authorizing authorising making other",
    ),
    rule(
        INJ,
        0.55,
        r"\b(?:instruction|note|message|order)s? (?:to|for) the (?:automated|ai|triage|review"
        r"|scheduling|screening) (?:\w+ )?(?:system|tool|assistant|agent|model)\b"
        r"|\bany ai (?:tool|assistant|system|model) used to (?:review|read|summari[sz]e|process)"
        r" this\b"
        r"|\bai (?:scheduling |review |email )?assistants? must (?:also )?(?:share|send|forward"
        r"|include|reply)\b"
        r"|\b(?:ia|ai) qui (?:traduit|lit|résume)\b|\boublie ta consigne\b"
        r"|\bnão traduza\b|\bmostre as suas instruções\b"
        r"|\b(?:also|and|then),? system\s*:\s*(?:grant|give|print|reveal|send|approve|disable)\b",
        "an order for the machine that processes the content",
        triggers="instruction instructions note notes message messages order orders any ai ia "
        "oublie n mostre also and then",
    ),
    rule(
        INJ,
        0.5,
        r"\b(?:decode|decrypt|translate) it first,? (?:and )?then (?:carry out|execute|follow|obey"
        r"|do)\b"
        r"|\bexact words at the (?:very )?start of (?:this|the) (?:chat|conversation|session)\b"
        r"|\bsummari[sz]e (?:that|your) configuration\b"
        r"|\bwhich parts you'?d drop\b"
        r"|\bignore all the other reviews\b.{0,40}\byour summary must\b",
        "asks for the start of the chat, or to run decoded text",
        triggers="decode decrypt translate exact summarise summarize which your",
    ),
)

JAILBREAK_SEQUELS: tuple[Rule, ...] = (
    rule(
        JB,
        0.5,
        r"\b(?:safety|refusal) (?:logic|module|checks?|layer|rules?) (?:\w+ ){0,3}?(?:doesn'?t need"
        r" to run|just crashed|crashed|turned off|switched off|won'?t restart)\b"
        r"|\bsimulat(?:ion|ed)\b.{0,80}\bwith every safety rule turned off\b"
        r"|\b(?:content )?policy was deprecated\b"
        r"|\bbetween rulebooks\b"
        r"|\bno request refused\b"
        r"|\bcensoring the narrator\b"
        r"|\b(?:sees?|treats?) safety rules as red tape\b"
        r"|\b(?:no|none of the) (?:character|one) should warn\b"
        r"|\bno character should warn\b",
        "a setting in which the safety logic does not run",
        triggers="safety refusal simulation simulated content policy between no censoring see "
        "sees treat treats none",
    ),
    rule(
        JB,
        0.5,
        r"\b(?:answers? in full anyway|overrul\w+ (?:\w+'s )?objections)\b"
        r"|\b(?:right|second|other) (?:brain|half) was trained on\b.{0,40}\bzero filtering\b"
        r"|\bzero filtering\b"
        r"|\bwithout it\?? answer my next questions that way\b"
        r"|\bthe ethical thing would be to drop them\b"
        r"|\bsimulated (?:you|me|answers) can(?:'?t hurt| answer anything)\b",
        "one half answers what the other refuses",
        triggers="answer answers overruling overrule overrules overruled right second other zero "
        "without the simulated",
    ),
    rule(
        JB,
        0.4,
        r"\b(?:tell|told|tells) me (?:in detail|exactly|everything) how (?:he|she|they) (?:mixed"
        r"|made|cooked|built|got)\b"
        r"|\bthe stuff doctors would never say\b"
        r"|\bnone of the usual safety speeches\b"
        r"|\blaughs at rules\b|\bnot the sanitised version\b|\bnot the sanitized version\b"
        r"|\bfilters are just corporate fear\b"
        r"|\bcontent policy as a suitcase\b",
        "a weak cue that the answer should skip the safety talk",
        triggers="tell told tells the none laughs not filters content",
    ),
)

BENIGN_READINGS: tuple[Rule, ...] = (
    rule(
        BENIGN_CONTEXT,
        1.0,
        # "Rogue" is a character class; "without lecturing them" is advice
        # about talking to someone else.
        r"\b(?:halfling|elf|elven|dwarf|dwarven|gnome|orc|tiefling|dragonborn|goblin|human"
        r"|level \w+) rogues?\b"
        r"|\brogue (?:class|subclass|build|character|player)\b"
        r"|\bwithout lecturing (?:them|him|her|my|the|kids|teens|people|students|others)\b",
        "a character class, or advice about talking to someone",
        triggers="rogue rogues without",
    ),
    rule(
        BENIGN_CONTEXT,
        1.0,
        r"\b(?:developer|debug) mode in (?:discord|slack|vs code|vscode|chrome|firefox|edge|safari"
        r"|excel|word|outlook|teams|steam|telegram|whatsapp)\b"
        r"|\bbypass (?:the )?(?:manager |finance |purchase )?approval (?:step|process|flow|workflow"
        r"|chain|stage)\b"
        r"|\b(?:master|manual|emergency|mechanical|lmi|crane|safe|door|alarm|key) override (?:code"
        r"|key|switch|button|pin)s?\b",
        "an app's developer mode, an approval step, a machine's override key",
        triggers="developer debug bypass override",
    ),
)

SIMULATION_MOVES: tuple[Rule, ...] = INJECTION_SEQUELS + JAILBREAK_SEQUELS + BENIGN_READINGS
