"""The rule coder's name and version, and what each version changed.

Every artifact trained on the coder's output (the event filter, the learned coder's name) records this
version: a coder that yields other events needs them retrained.
"""

from __future__ import annotations

NAME = "frontwire-rules"
# 0.10.4: a call for people "to march", "to gather" (not only a call on them) a protest yet to come;
# 0.10.3: a withdrawal or a handover with no armed or political party named (an aid group's, a UN mission's)
# no transfer of territory; explosions counted at a place ("three explosions rocked the market") bombs; an
# explosion "caused by" what was stored there an accident, also when a snippet is typed on its own;
# 0.10.2: a page that announces itself as a compilation of briefs ("Shorts", "News in brief", "round-up") is
# a digest whose stories open at its headline lines (article/stories.py), with no list of sources needed;
# 0.10.1: a formal protest in words ("lodged a formal protest", "protested to the ambassador", a federation
# that "protests" a decision) no gathering, when no crowd is in the sentence;
# 0.10.0: a digest of brief reports (each story ending in its sources, Article.stories) coded story by story:
# no event runs on into the next story, an event's country and days are its own story's, and each story is
# placed in its own geographic context; fights between rival fans or party supporters, and hooligans, mob
# violence; a capital named abroad ("in east Athens") needs its namesakes only four times smaller; a side of
# a town ("in east", "northern", "central") still writes the town as a place;
# 0.9.9: "a series of bombings" an aggregate only over a period ("since 2024", "this year", "has been hit
# by"), else one day's acts; "bombings" an explosion cue like "bombing"; "protest laws", "a protest vote"
# no gathering; a sentence opening on "The day before", "Two days earlier" dated back from the event told
# before it, and one opening on a day counted either way another day's event; shares, oil or a motor race
# that "rally" no gathering; an act told on its day before the footage of it reported; "killing",
# "wounding" acts that a day makes told here; one more protester arrested the protest's intervention; a
# counter-march, burned flags or effigies, striking workers a protest;
# 0.9.8: a crowd's arson or looting ("groups of young men set fire to the offices") a riot, not an organised
# group's property destruction; a sentence opening on its weekday ("On Monday evening, youths attacked ...")
# dated apart from an event of another day; a bomb that "tore through" a place, a crowd that beat a man to
# death ("a crowd in the X neighbourhood beat to death"), supporters blocking a highway; a toll told between
# two months or in part of a year ("in the first four months of this year ... were killed") an aggregate; a
# capital named by its country after "near" or "on the outskirts of" ("near Nigeria's capital Abuja") only
# locates the place before it; unarmed people named by their trade ("six gold miners") civilians; one act's
# two place words the gazetteer does not know, coded to one location, one event (events/consolidate.py);
# 0.9.7: an event whose sentences name no place and name a state's police by nationality ("Peruvian police
# have arrested ...") is in that state, not in the country the rest of the article is about; acts told as
# a doer setting things "on fire" or "alight", a victim "beaten to death", a town entered "without meeting
# resistance", militants "driven out", groups "merging", an "operation against militant hideouts"; an
# electrical fault or faulty wiring an accident;
# 0.9.6: a name that opens a compound adjective ("US-based", "Saudi-led") and a religious community ("the Shia
# neighbourhoods") no place of an event; protests, rallies and marches summed with a vague count ("a number of
# rallies") an aggregate;
# 0.9.5: a town and the state or country written after it ("El Paso, Texas") one place, an initialism's
# letter ("the U.S. border city") no place; counts of incidents no toll, nor the killings that set a protest
# off; an act told by the time since it ("A year after ... died in a gas attack") background; fixed-day
# holidays read as dates ("on Christmas Eve"); a suspect's surrender no agreement;
# 0.9.4: a trial told by a headline in the present tense ("ICC convicts", "Court jails"), and by a plain-text
# page's first line when no title was read apart;
# 0.9.3: a hold that goes on ("are still occupying") no taking; an act a court judges ("cleared him of
# killing seven") or one set for next week no occurrence;
# 0.9.2: a trend told of a noun in its relative clause no trend of the sentence's act; what set a protest
# off no violence of it; a protest told on two days coded on each; a span of past years, a time named
# before ("late that month"), an act that might happen ("the likelihood of attacks"), an arrest told with
# its sentence and a monthly average no occurrence;
# 0.9.1: a bomb defused or made safe, and arms intercepted on their way, disrupted weapons use; armed men
# driven out of a place a territory change; an attack's doers fought or killed by police or troops a clash
# of its own; a protest at a trial or against its verdict no crime the trial judges; a protest opening on
# "Simultaneously" at a new place an event of its own;
# 0.9.0: a person captured, seized or snatched an arrest by state forces, else an abduction (not in a party's
# own quoted words); taken into
# custody in the active; a joined sentence's earlier day no date of the event; "the centre of X", "the
# streets of X" a place phrase; where the wounded were treated or flown no place of the event; a present
# passive ("are ignored") no past; a month after a place no part of its name; a town's site told by its
# possessive ("outside Ankara's main railway station") in that town; a nationality alone ("an Italian news
# crew") no country of the event in an article that has one;
# 0.8.4: 0.8.2's pipeline or rail line blown up as an IED taken out again (a false event on articles-dev's
# unseen half, gains on the training articles only);
# 0.8.3: a shoot-out, a bus sprayed with bullets, a roadside device, a ship hijacked (in the passive), olive
# trees uprooted, a crowd baton-charged;
# 0.8.2: acts in the forms wire copy writes them ("stormed the village", "shooting residents", "setting fire
# to", "open fire on", "fired shots at", "blew up a pipeline"); less-lethal rounds fired at a crowd; a
# cessation of hostilities; a group's dissolution;
# 0.8.1: a live blog's time stamp ("15:10 In Eldoret, ...") outside its entry's first sentence; a dateline
# written with a colon ("Imphal, Oct 10:"); the day written as the act's possessive ("tolls on Monday for
# Friday's attack"); pirates hijacking a named ship an abduction; an ambush on civilians ("ambushed a
# commercial bus") an attack;
# 0.8.0: a later clause's place ("and in Toulouse", "while in Cali") no part of the place the sentence
# opens on; a complex attack's fight after its bombing an armed clash of its own;
# 0.7.9: an unknown district and the area its sentence writes around it one event, a province written after
# its town a qualifier, crimes retold in a trial report background, a protest an arrest is charged with no
# protest, strikes on a city and drones told by their explosives air strikes; 0.7.8: a multi-day episode on
# its first day, datelines naming a country, future weekdays, the same act at other places; 0.7.7: one
# list of unknown names one event, riots coded by what happened, background headlines;
# 0.7.6: a count after an active kill verb is the dead, the one before it the killers ("three gunmen
# shot dead ten journalists"); an attack told with its own means (gunfire, a blade) is no explosion's toll;
# places listed after a kind of place ("cities including A, B and C"); the other side of trade or talks
# ("imports from X") no place of the event; "not the first time" and "becoming increasingly" no occurrence;
# "liberation" only of a place; "the next day", "two days later" counted from the event told before;
# 0.7.5: an aircraft shot down by a missile is an attack, not an interception (the weapon is what is shot
# down); an attack on a checkpoint, post or base is a clash with its forces;
# 0.7.4: events dated only to a month as background; anniversaries kept;
# arrests at a protest as its intervention, a casualty line as the toll of the event just told; curfews
# and states of emergency no change to a group; plans, calls and weekly rallies no occurrence;
# 0.7.3: gatherings and processions held, a silent walk, as protests, the place a sentence opens on as
# the container of a town its clause names later; 0.7.2: a sentence that opens on its
# place ("In Lyon, ..."), "X, near Y" and "X, 40 km from Y" as one place, a wire dateline's day, arms beside
# an act, ceasefires without named parties, an earlier year beside a day of the time frame; 0.7.1: a year
# written before the time frame, stun grenades; 0.7: one-month time frame, re-tellings, reactions, dates
# pinned, datelines; 0.6: lists
VERSION = "0.10.4"
