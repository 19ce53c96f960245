"""Word lists and patterns of the extract stage, kept as data apart from the code using them.

Abbreviations guard sentence splitting; titles and roles feed name canonicalisation and
speaker resolution; cue verbs and phrases drive quote attribution.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set (lists read as prose)."""
    return frozenset(text.split())


# A period after these never ends a sentence when the next word follows (case-folded,
# without the final period).
NON_FINAL_ABBREVIATIONS: frozenset[str] = _words(
    """
    mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cmdr adm brig cpl pvt
    sen sens rep reps gov govs atty supt insp amb pres rev fr hon ste mt ft
    cf vs approx dept
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# A period after these ends no sentence when a number follows ("No. 5", "Art. 5").
NUMBER_ABBREVIATIONS: frozenset[str] = _words(
    """
    no nos vol vols art arts sec ch fig figs pp p op tel ph
    """
)

# These may end a sentence ("... in the U.S. The talks ..."), so a period after them is a
# boundary only when a typical sentence opener follows.
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = _words(
    """
    u.s u.k u.n e.u u.s.a d.c a.m p.m inc co corp ltd jr sr bros etc al
    """
)

# Words that usually open a sentence; used after an ambiguous abbreviation.
SENTENCE_OPENERS: frozenset[str] = _words(
    """
    the a an he she it they we i you his her its their our this that these those there
    in on at but and or so yet for if when while after before as since although though
    however meanwhile also still then now today yesterday earlier later last next
    asked speaking according one two some many most many both neither nor what who how why
    """
)

# Reporting verbs that attribute a quote to the noun phrase before (or after) them.
CUE_VERBS: frozenset[str] = _words(
    """
    say says said saying tell tells told telling add adds added adding
    ask asks asked asking state states stated write writes wrote writing
    tweet tweets tweeted post posts posted explain explains explained explaining
    note notes noted noting argue argues argued arguing claim claims claimed claiming
    insist insists insisted insisting warn warns warned warning continue continues continued
    recall recalls recalled acknowledge acknowledges acknowledged admit admits admitted
    announce announces announced declare declares declared reply replies replied
    respond responds responded answer answers answered remark remarks remarked
    observe observes observed suggest suggests suggested concede concedes conceded
    counter counters countered contend contends contended maintain maintains maintained
    stress stresses stressed emphasize emphasizes emphasized emphasise emphasises emphasised
    urge urges urged predict predicts predicted promise promises promised vow vows vowed
    pledge pledges pledged boast boasts boasted complain complains complained joke joked
    quip quipped shout shouted yell yelled exclaim exclaimed whisper whispered
    report reports reported confirm confirms confirmed deny denies denied allege alleges
    alleged assert asserts asserted conclude concludes concluded caution cautions cautioned
    charge charges charged lament laments lamented muse mused relay relays relayed
    reiterate reiterates reiterated repeat repeats repeated describe describes described
    called read reads mention mentions mentioned tout touts touted predict
    believe believes believed think thinks thought feel feels felt
    indicate indicates indicated signal signals signaled signalled hint hints hinted
    agree agrees agreed disagree disagrees disagreed accuse accuses accused
    blast blasts blasted slam slams slammed praise praises praised criticize criticized
    criticise criticised testify testifies testified recount recounts recounted
    shot fired snapped retorted opined interjected chimed offered sniped scoffed
    quipped remarked explained wrote spoke speaks reacted reacts """
)

# Cue verbs strong enough to introduce reported speech without quotation marks.
INDIRECT_CUES: frozenset[str] = _words(
    """
    say says said saying tell tells told add adds added state states stated
    write writes wrote tweet tweets tweeted explain explains explained note notes noted
    argue argues argued claim claims claimed insist insists insisted warn warns warned
    acknowledge acknowledges acknowledged admit admits admitted announce announces announced
    declare declares declared reply replied respond responded suggest suggests suggested
    concede concedes conceded contend contends contended maintain maintains maintained
    stress stresses stressed emphasize emphasized emphasised predict predicts predicted
    promise promises promised vow vows vowed pledge pledged boast boasted complain complained
    report reports reported confirm confirms confirmed deny denies denied allege alleges
    alleged assert asserts asserted conclude concluded caution cautioned charge charged
    relay relayed reiterate reiterated believe believes believed think thinks thought
    indicate indicates indicated hint hinted testify testified recall recalled recalls
    """
)

# Words skipped between a speaker and its cue ("he also said", "Trump has long argued").
CUE_ADVERBS: frozenset[str] = _words(
    """
    also later earlier previously then recently once again further repeatedly frequently
    often reportedly allegedly publicly privately flatly simply just only never even already
    really firmly bluntly separately has have had has had would will 've 'd 's ’s ’ve ’d
    however though too instead indeed long since still initially originally subsequently quickly immediately angrily
    himself herself themselves itself has also had also is was were are
    """
)

# Words that end a speaker phrase when walking left from the cue.
SPEAKER_STOPS: frozenset[str] = _words(
    """
    that and but which who whom whose when where while as because if what how than so or
    nor though although since after before until unless whether why to not be been being
    is was were are am do does did in on at of for with by from into about over under
    this these those there here it's it’s then said says told added
    """
)

# Words that cannot be the last word of a speaker phrase.
NOT_SPEAKER: frozenset[str] = _words(
    """
    to not be been being is was were are am do does did has have had a an the of in on
    at for with by from this that there here also just very his her their its my our
    your him them me us
    """
)

PRONOUNS: frozenset[str] = _words("he she they i we it you")

# Words the speaker phrase after an inverted cue may contain ("said the Kremlin aide").
INVERTED_LOWER: frozenset[str] = _words(
    """
    the a an his her their its our one another two three several senior top former
    chief deputy spokesman spokeswoman spokesperson official officials aide aides adviser
    advisers advisor source sources president minister secretary director leader analyst
    analysts expert experts lawyer attorney representative statement campaign manager
    chairman chairwoman candidate governor senator mayor told reporters
    """
)

# Words that open a speaker phrase ("the ad's narrator says").
DETERMINERS: frozenset[str] = _words(
    "the a an his her their its our my one another some two three many"
)

# Words opening a sentence with a phrase before its subject ("In May, Trump said …").
LEADING_PREPOSITIONS: frozenset[str] = _words(
    """
    in on at after before during while when as since for from with without despite
    following amid among by over under at about asked speaking earlier later last early late
    """
)

# Titles and honorifics dropped from names ("Mr. Putin", "President Donald Trump").
TITLES: frozenset[str] = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady president vice prime minister premier
    chancellor secretary sen senator rep representative gov governor mayor gen general
    col colonel lt lieutenant maj major capt captain adm admiral sgt sergeant cmdr
    king queen prince princess pope rev reverend father sheikh emir ayatollah judge justice
    chief ambassador amb speaker leader former late acting deputy foreign defense defence
    state us u.s. russian ukrainian american british french german chinese israeli iranian
    house senate white republican democratic democrat gop mp mps commissioner spokesman
    spokeswoman spokesperson aide adviser advisor director chairman chairwoman ceo
    """
)

# One spelling per well-known place or body whose short and long forms differ.
PLACE_ALIASES: dict[str, str] = {
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "un": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "european union": "European Union",
    "nato": "NATO",
    "russian federation": "Russia",
    "kiev": "Kyiv",
    "kyiv": "Kyiv",
    "moscow": "Moscow",
    "dc": "Washington",
    "washington dc": "Washington",
    "washington": "Washington",
}

# Pronouns that stand for a person, or for an organisation or group.
PERSON_PRONOUNS: frozenset[str] = _words("he she him her his i me")
GROUP_PRONOUNS: frozenset[str] = _words("they we it them us")

# Role nouns that stand for a person named nearby ("the Kremlin aide" = "aide Yuri Ushakov").
ROLE_WORDS: frozenset[str] = _words(
    """
    aide adviser advisor spokesman spokeswoman spokesperson president minister premier
    chancellor secretary senator governor mayor leader chief director chairman chairwoman
    ambassador envoy negotiator official commander general lawyer attorney founder
    ceo executive candidate nominee congressman congresswoman lawmaker king queen pope
    """
)

# Words opening a clause before its subject, dropped when looking for the subject.
LEADING_CONJUNCTIONS: frozenset[str] = _words("and but so then yet still now meanwhile also or")

# Time words between a speaker and the cue ("Trump on Monday said", "two weeks ago said").
TIME_WORDS: frozenset[str] = _words(
    """
    ago today yesterday tonight monday tuesday wednesday thursday friday saturday sunday
    morning afternoon evening night week weeks month months year years day days
    """
)

# Base forms that are more often nouns ("his home state", "The Washington Post"): no cue.
NOUN_LIKE_CUES: frozenset[str] = _words(
    """
    state post report claim charge answer reply note tweet counter stress promise pledge
    joke vow continue repeat caution muse relay hint signal blast slam praise call remark
    comment statement comments statements reports posts tweets notes claims charges
    """
)

# Words between a speaker and the cue that a left walk skips ("has in the past said").
CUE_GAP_WORDS: frozenset[str] = _words("past first time the in on at last this since")

# Lower-case nouns that can be the one who says something ("witnesses said").
AGENT_NOUNS: frozenset[str] = _words(
    """
    witnesses officials sources critics analysts experts residents lawmakers aides authorities
    police prosecutors investigators diplomats observers leaders officers protesters voters
    people members supporters opponents economists scientists researchers doctors lawyers
    spokesman spokeswoman spokesperson official source witness critic analyst expert resident
    lawmaker aide prosecutor investigator diplomat observer leader officer voter member
    president minister secretary senator governor mayor chairman director manager adviser
    advisor attorney judge ambassador envoy commander general statement report survey poll
    study group campaign committee government administration ministry agency company firm
    newspaper network magazine website percent half many both most some each all several
    few one two three four five six seven eight nine ten dozen hundreds thousands majority
    """
)

# Endings of nouns for people or bodies ("businessman", "strategist", "commissioner").
AGENT_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "ee")

# Words opening a phrase after a final cue, not a new clause ("…, he said in a post").
ADJUNCT_OPENERS: frozenset[str] = _words(
    """
    in on at during to after before from via with through while when as late early
    earlier later last this on monday tuesday wednesday thursday friday saturday sunday
    """
)

# Who one tells, skipped before reported speech ("told reporters the talks …").
TOLD_OBJECTS: frozenset[str] = _words("reporters journalists me us him her them lawmakers")
