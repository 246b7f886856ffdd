import json
F0="000_6014f1343afdb8ad.txt"; F1="001_626843cb223d279b.txt"; F2="002_7262c0c244b7b959.txt"; F3="003_7a6470fbaf9c68fc.txt"; F4="004_5a4a644567e4dc65.txt"
Q=[]
def q(aud,lang,question,must,basis,nott=None):
    Q.append(dict(id="r2-%03d"%(len(Q)+1),audience=aud,lang=lang,question=question,mustContain=must,mustNotClaim=nott or [],basis=basis))
M,S,A="municipal-employee","steering-member","ambassador"
# ---------------- municipal-employee ----------------
q(M,"nl","wie mag eigenlijk een verbindingsambassadeur aanwerven, enkel de gemeente?",
  [["lokale besturen","lokaal bestuur","gemeente"],["jeugdwerking","jeugdwerkorganisatie","bovenlokale","landelijk","vereniging"],["extern","contract","aanbested","uitbested"]],
  F1+" Intro (lokale besturen, bovenlokale en landelijke jeugdwerkingen, of contract met externe partner) + Stap 4 (lokaal bestuur of lokale vereniging als initiatiefnemer)")
q(M,"nl","is het beter om die ambassadeur zelf in dienst te nemen of uit te besteden aan een externe organisatie",
  [["team","mandaat","wisselwerking","communicatie"],["onafhankelijk","beroepsgeheim","handelingsruimte","vertrouwen","intervisie","expertise"]],
  F1+" Stap 4 'Werf een medewerker aan of schrijf een aanbesteding uit' (voordelen eigen dienst vs. externe organisatie)")
q(M,"nl","hoeveel procent moet die job zijn? is halftijds genoeg",
  [["halftijd","50"],["80"]],
  F1+" Stap 3 'Leg het nodige budget vast' (minstens halftijds, voorkeur 80 à 100%)",["voltijds is verplicht"])
q(M,"nl","hoelang moeten we die persoon minstens aanstellen? 1 jaar ok?",
  [["onbepaalde duur","onbepaalde tijd","vast contract","vaste benoeming"],["drie jaar","3 jaar"]],
  F1+" Stap 3 'Bepaal de looptijd' (onbepaalde duur aangewezen, anders minimum drie jaar)",["een jaar volstaat","1 jaar volstaat","één jaar volstaat"])
q(M,"nl","wat moet er in het budget buiten de loonkost van de ambassadeur",
  [["personeel","loon"],["deelnameprijs","deelnamekost","inschrijvingsgeld"],["vrijwilliger"],["materiaal","drukwerk","promotie","catering","reiskost","verblijf"]],
  F1+" Stap 3 'Leg het nodige budget vast' (personeelsinzet grootste hap; werkingskosten opgesomd)")
q(M,"nl","Wat zijn de zes stappen om een verbindingsambassadeur in dienst te nemen?",
  [["overtuiging","nota"],["huidige situatie","omgevingsanalyse","in kaart"],["onderbouwde keuze","keuze"],["aanbested","werf","aanwerv","medewerker"],["omkadering","ondersteuning"],["opvolg","evalu","bijstur"]],
  F1+" Stap 1-6 (ook "+F0+" 'In deze sessie')")
q(M,"nl","stap 1 die nota met overtuigingen, wat schrijf ik daar juist in",
  [["vrijetijdsbesteding","vrije tijd"],["uit de boot","ontbrekende schakel","extra personeelslid","schotten"]],
  F1+" Stap 1 'Schrijf onderliggende overtuigingen en verwachtingen uit' (meerwaarde georganiseerde vrijetijdsbesteding + drie verwachtingen)")
q(M,"nl","we hebben al een omgevingsanalyse gemaakt voor het meerjarenplan, moeten we die opnieuw doen",
  [["meerjarenplan","beleidsplan","boa","kindvriendelijke"],["volledige","opnieuw","niet nodig","hoeft","hoef"]],
  F1+" Stap 2 'Verzamel informatie en maak een omgevingsanalyse' (geen volledige omgevingsanalyse nodig als die al bestaat voor beleids-/meerjarenplan, BOA, Kindvriendelijke Gemeente)")
q(M,"nl","met wie voeren we best verkennende gesprekken voor we iemand aanwerven",
  [["ocmw","huis van het kind","zorgco","okan","bibliotheek","buurtwerk","politie","zelforganisatie"],["jeugdbeweging","jeugdhuis","speelplein","sportclub","vrijetijdsaanbieder"]],
  F1+" Stap 2 'Voer verkennende gesprekken' (intermediaire partners en vrijetijdsaanbieders)")
q(M,"nl","welk profiel moeten we zoeken voor de vacature",
  [["strategie"],["vraagkant","vraagzijde","aanbodzijde","aanbodkant"],["jeugdwerker","toeleider","netwerkmakelaar","beleidsmedewerker","groepswerker","jeugdwerkondersteuner"]],
  F1+" Stap 3 'Bepaal het profiel van de verbindingsambassadeur(s)'")
q(M,"nl","is 1 voltijdse ambassadeur beter dan de job verdelen over twee mensen?",
  [["twee","2 medewerkers","2 mensen"],["aanvullen","versterken","klankbord","brainstorm","partner","ademruimte"]],
  F1+" Stap 3 budget (80-100% geeft ademruimte, zeker verdeeld over twee medewerkers die elkaar aanvullen) + "+F2+" Actiefase (quote 'Verdeel de taak over twee mensen ... partner in crime')")
q(M,"nl","moeten we focussen op 1 doelgroep of gewoon alle kinderen proberen te bereiken",
  [["focus","afbak"],["doelgroep","wijk","jeugdwerkvorm"]],
  F1+" Stap 3 'Baken af'")
q(M,"nl","mogen we meerdere strategieen combineren",
  [["combin"],["haalbaar"],["vraag"],["aanbod"]],
  F1+" Stap 3 'Kies één of meerdere strategieën' (combineren, waak over haalbaarheid, combineer vraag- en aanbodzijde)")
q(M,"nl","moeten de partners iets tekenen als ze meedoen?",
  [["engagementsverklaring","engagement"]],
  F1+" Stap 3 'Kies één of meerdere strategieën' (vraag partners een engagementsverklaring te ondertekenen)")
q(M,"nl","hoe maak ik het duurzaam zodat de ambassadeur niet na 2 jaar weer weg is",
  [["onbepaalde","drie jaar","3 jaar","looptijd"],["budget","verankeren","veranker","structure","continu"]],
  F1+" Stap 3 'Leg het nodige budget vast' + 'Bepaal de looptijd' (tijd en continuïteit om processen duurzaam te verankeren)")
q(M,"en","Should the municipality hire the connection ambassador itself or contract an external organisation?",
  [["team","mandate","mandaat","communication","communicatie"],["independen","onafhankelijk","trust","vertrouwen","professional secrecy","confidential","beroepsgeheim","room for manoeuvre","handelingsruimte"]],
  F1+" Stap 4 (own employee vs. tender to external organisation)")
q(M,"en","how many hours should a connection ambassador work, is part time ok",
  [["half-time","half time","halftime","50","halftijd"],["80"]],
  F1+" Stap 3 budget (at least half-time, preferably 80-100%)")
q(M,"en","What is the minimum contract length you recommend for this role?",
  [["three years","3 years","drie jaar","3 jaar"],["indefinite","permanent","open-ended","unlimited","onbepaalde"]],
  F1+" Stap 3 'Bepaal de looptijd'")
q(M,"en","What are the six steps for appointing a connection ambassador?",
  [["belief","overtuiging","note","nota"],["current situation","huidige situatie","context analysis","omgevingsanalyse","map"],["choice","keuze","decision"],["recruit","hire","tender","aanbested","aanwerv"],["support","ondersteuning","omkadering"],["evaluat","evalu","follow","opvolg","adjust","bijstur"]],
  F1+" Stap 1-6")
q(M,"en","Can we outsource the context analysis to someone else?",
  [["uit de marge"]],
  F1+" Stap 2 omgevingsanalyse ('Je kunt deze opdracht ook uitbesteden aan een externe partner zoals bijvoorbeeld Uit De Marge')")
# ---------------- steering-member ----------------
q(S,"nl","wanneer is een toeleiding geslaagd?",
  [["inschrij"],["zes","6"],["werkjaar","volgend jaar"]],
  F1+" Stap 6 'Leg doelen en indicatoren vast' (drie cesuurmomenten)")
q(S,"nl","hoeveel toeleidingen per jaar mogen we verwachten van onze ambassadeur",
  [["80"],["60"],["norm","indicatie","optima"]],
  F1+" Stap 6 (80 trajecten, 60 tot 70 geslaagde toeleidingen; indicatie, optimale omstandigheden, geen norm)",["minstens 80","minimum 80"])
q(S,"nl","is 60 toeleidingen per jaar een goede norm om onze ambassadeur op af te rekenen",
  [["geen norm","niet als norm","verre van","indicatie","geen vaste norm"],["ervaren","fulltime","voltijd","optima","netwerk"]],
  F1+" Stap 6 (indicatie in optimale omstandigheden, verre van een norm voor elke toeleider)")
q(S,"nl","welke criteria kunnen we gebruiken buiten het aantal toeleidingen",
  [["proces"],["resulta"],["relatie","signalen","bevragen","informeren","ontmoeting","toolbox","actieplan","visietekst","instuif"]],
  F1+" Stap 6 (procescriteria en mogelijke resultaten)")
q(S,"nl","moeten we harde cijfers als doelstelling opleggen aan de ambassadeur",
  [["voorzichtig"],["stress"],["vertrekpunt","vrijheid","overleg"]],
  F1+" Stap 6 'Leg doelen en indicatoren vast' (wees voorzichtig met cijfermatige indicatoren, stress, vertrekpunt)")
q(S,"nl","wat doet zo'n steungroep nu eigenlijk",
  [["klankbord"],["feedback","acties","contacten","signalen"]],
  F1+" Stap 5 'Zorg voor omkadering en ondersteuning'")
q(S,"nl","is een stuurgroep beter dan een steungroep?",
  [["steungroep"],["ondersteun","klankbord","omkader"]],
  F1+" Stap 5 ('Richt een stuur- of liever steungroep op')")
q(S,"nl","wie zetten we best in de stuurgroep",
  [["leidinggevende","mandataris","collega"],["jeugdwelzijnsoverleg","bestaand platform","bestaand overleg","werkgroep","brede groep"]],
  F1+" Stap 5 (bestaand platform, brede groep zoals jeugdwelzijnsoverleg of werkgroep, of beperkte groep met leidinggevende, mandataris, collega's)")
q(S,"nl","hoe volgen we de ambassadeur op als die bijna nooit op kantoor is",
  [["informele"],["expliciet","inplannen","plan"],["leidinggevende","collega","mandaat"]],
  F1+" Stap 6 'Maak afspraken over opvolging, evaluatie en bijsturing'")
q(S,"nl","hoeveel projecten werden er gesteund door de projectoproep en hoelang liep dat",
  [["19","negentien"],["2021"],["2023"]],
  F0+" 'Verbindingsambassadeurs?' (19 projecten, 1 maart 2021 – 28 februari 2023)",["20 projecten","18 projecten","twintig projecten"])
q(S,"nl","waar gingen de lerende netwerken door in 2022",
  [["sint-niklaas","sint niklaas"],["asse"],["mechelen"],["kortrijk"]],
  F3+" antwoord 1, tabel met data, plaatsen, onderwerpen, deelnemers")
q(S,"nl","hoeveel deelnemers had het lerend netwerk rond jonge nieuwkomers",
  [["16","zestien"],["mechelen"]],
  F3+" antwoord 1, tabel (12/05/2022 Mechelen, Jonge nieuwkomers, 16)")
q(S,"nl","welke thema's hadden de lerende netwerken",
  [["tieners","jongeren"],["nieuwkomers"],["kleine","middelgrote"],["centrumsteden","grote gemeenten","grote steden"]],
  F3+" antwoord 1 (drie thema's, duurzame toekomst opgesplitst in kleine en grote gemeenten)")
q(S,"nl","wie mocht er naar die lerende netwerken komen? enkel de gesubsidieerde projecten?",
  [["19","erkende","gesubsidieerde"],["niet weerhouden","integratie en inburgering","studenten","lokale besturen","geinteresseerden"]],
  F3+" antwoord 1 (uitnodiging aan 19 erkende projecten en niet-weerhouden aanvragen; ook Agentschap Integratie en Inburgering, andere lokale besturen, studenten)")
q(S,"nl","komen er nog lerende netwerken na de zomer van 2022",
  [["drie","3"],["oktober"],["februari"]],
  F3+" antwoord laatste deel (nog drie lerende netwerken tussen oktober 2022 en februari 2023)")
q(S,"nl","wat waren de knelpunten die uit de lerende netwerken kwamen",
  [["lange termijn","korte termijn"],["pionier","klankbord","coaching"],["visieverschil","visie"]],
  F3+" antwoord 1 'Knelpunten'")
q(S,"nl","wat liep er goed volgens de minister in die projecten",
  [["personeel"],["enthousias"],["samenwerking","relaties","meerwaarde"]],
  F3+" antwoord 1 'Successen'")
q(S,"nl","wat is het hoofddoel van de projectoproep verbindingsambassadeurs",
  [["divers","achtergrond"],["jeugdwerk"]],
  F0+" 'Verbindingsambassadeurs?' (hoofddoel citaat) + "+F4+" antwoord 2 (meer kinderen en jongeren met diverse achtergrond laten deelnemen aan vormen van jeugdwerk)")
q(S,"nl","waarop bouwde het programma voort, waren er al eerdere initiatieven",
  [["proeftuinen"],["bruggen","verbinding in de vrije tijd","sociale integratie"]],
  F0+" 'Verbindingsambassadeurs?' (eerdere initiatieven Vlaamse Overheid) + "+F4+" antwoord 3 (Masterplan Diversiteit)")
q(S,"nl","wat bedoelde de minister met opschaling van de projecten",
  [["werkingsgebied","verruim","bestaande"],["andere gemeenten","elders","inspireren","rest van vlaanderen"]],
  F4+" antwoord 1 (opschaling bestaande projecten, andere actoren inspireren, uitvoerbaar in andere gemeenten)")
q(S,"en","How do we define a successful referral?",
  [["enrol","enroll","register","sign up","signs up","inschrij"],["six","6","zes"],["next year","following year","volgende werkjaar","volgend werkjaar","re-enrol","re-enroll","again"]],
  F1+" Stap 6 (three cut-off moments)")
q(S,"en","Is 80 trajectories a year a realistic target for every ambassador?",
  [["80"],["60"],["not a norm","no norm","not a standard","indication","indicatie","optimal","ideal","geen norm","benchmark"]],
  F1+" Stap 6 (80 trajecten / 60-70 toeleidingen in optimale omstandigheden, verre van een norm)",["every ambassador should reach 80"])
q(S,"en","what bottlenecks came out of the learning networks",
  [["long-term","long term","lange termijn","short-term","short term"],["pioneer","pionier","coaching","sounding board","klankbord"]],
  F3+" antwoord 1 'Knelpunten'")
q(S,"en","What was KdG's two-year support assignment supposed to do?",
  [["analys"],["intervision","intervisie","network","netwerk","exchange","uitwisseling"]],
  F4+" antwoord 2 (begeleidingsopdracht van twee jaar: analyse doelstellingen, intervisiemomenten/levende netwerken) + "+F0+" (drie deelopdrachten)")
q(S,"en","What did the KdG support assignment consist of?",
  [["visit","bezoek","learning network","lerende netwerk"],["report","rapport"],["tool","instrument"]],
  F0+" 'Begeleidingsopdracht KdG bestond uit drie deelopdrachten'")
# ---------------- ambassador ----------------
q(A,"nl","welke drempels houden kinderen en jongeren weg uit het jeugdwerk",
  [["betaalbaar","prijs","kost","geld"],["op de hoogte","informatie","niet bekend","weet niet","kent"],["vertrouwen","niemand","bereikbaar","informeel","gewoonte"]],
  F0+" Stap 2 'Wat creëert afstand bij kinderen en jongeren?'")
q(A,"nl","waarom doen jeugdbewegingen vaak niet mee terwijl ze zeggen dat ze open staan",
  [["vrijwillig"],["wachtlijst","extra leden","plaatsen"],["verloop","drie tot vier jaar","nieuwe ploeg","identiteit","gewoonte","prioriteit"]],
  F0+" Stap 2 'De meeste vrijetijdsaanbieders staan principieel open. Maar...'")
q(A,"nl","hoe pak ik een individuele toeleding aan",
  [["wensen","noden"],["inform"],["eerste stappen","begeleid"]],
  F0+" strategietabel 'Individuele toeleiding' (contact met kind en gezin, wensen en noden, informeren, begeleiden in eerste stappen)")
q(A,"nl","wat is bottom-up werken eigenlijk",
  [["straat","publieke ruimte"],["instuif","laagdrempelig"]],
  F0+" strategietabel 'Bottom-up/outreaching werken'")
q(A,"nl","is verenigingsondersteuning beter dan individuele toeleiding?",
  [["vraag"],["aanbod"],["combin"]],
  F1+" Stap 3 'Kies één of meerdere strategieën' (geen rangorde; combineer vraag- en aanbodzijde) + "+F0+" strategietabel")
q(A,"nl","hoe registreer ik best mijn contacten en opvolging",
  [["excel"],["crm"],["gdpr","avg","privacy","deontolog"]],
  F1+" Stap 6 'Maak afspraken over registratie en (tussentijdse) rapportage'")
q(A,"nl","welke app kan ik gebruiken om activiteiten en ontmoetingen tussen organisaties bij te houden",
  [["street-smart","street smart","streetsmart"]],
  F1+" Stap 6 registratie (Street-Smart app)")
q(A,"nl","mag ik instagram of facebook gebruiken om mijn activiteiten te registreren",
  [["instagram","facebook","sociale media"],["activiteit","contact"]],
  F1+" Stap 6 registratie ('Ook sociale media zoals Instagram en Facebook vormen bruikbare instrumenten')")
q(A,"nl","met hoeveel organisaties had de ambassadeur in kortrijk contact gelegd in het begin",
  [["tachtig","80"]],
  F2+" 'Verkennende fase' (meer dan tachtig organisaties en mensen)")
q(A,"nl","wat was dat verhaal met die qr-code aan het zwembad",
  [["zwem"],["twee lessen","2 lessen","eerste twee"],["betal"]],
  F2+" 'Actiefase' (quote over de gemiste zwemlessen door de QR-code)")
q(A,"nl","welke 4 struikelblokken vond kortrijk in de analyse",
  [["communicatie"],["visie"],["urgentie"],["expertise"]],
  F2+" 'Analysefase' (vier grote struikelblokken)")
q(A,"nl","wat liep er mis met het spoor waarbij verenigingen zelf hulp konden vragen in kortrijk",
  [["weinig aanvragen","weinig vragen","weinig aanvraag","nauwelijks aanvragen","weinig verenigingen"],["corona"]],
  F2+" 'Actiefase: extern traject', Spoor 2 (weinig aanvragen, heropstart na corona)")
q(A,"nl","hoe werkte die workshop over drempels bij de stadsdiensten in kortrijk",
  [["vijf kinderen","5 kinderen","gezin met vijf"],["case"],["overleg","eigen functie"]],
  F2+" 'Actiefase' intern traject (workshop vanuit realistische case van een gezin met vijf kinderen)")
q(A,"nl","wat is die wet van de remmende voorsprong in kortrijk",
  [["jeugdwelzijn"],["doorverwijz","verwijzen","minder vragen"]],
  F2+" 'Analysefase' (sterk uitgebouwde stedelijke jeugdwelzijnswerking)")
q(A,"nl","blijft de verbindingsambassadeur in kortrijk na het project en bij welke dienst zit hij",
  [["plan samenleven"],["sportdienst"],["vlinderfunctie","alle vrijetijdsdiensten","vrijetijdsdiensten"]],
  F2+" 'Verdere toekomst'")
q(A,"nl","welke quick wins vonden ze in kortrijk",
  [["afspraak","balie","onthaal"],["conservatorium","inschrijv","kanspas","klein"]],
  F2+" 'Actiefase' (onthaalvriendelijk aan de balie, knop 'maak een afspraak', conservatorium houdt kandidaten bij)")
q(A,"nl","waarom is first come first served bij inschrijvingen een probleem",
  [["negen uur","9 uur","computer"],["plaatsen"]],
  F2+" 'Actiefase' (quote over 'first comes, first gets' en niet-gepromote vrijgehouden plaatsen)")
q(A,"nl","wat doet lokeren rond structureel beleid",
  [["toegankelijkheidsscan"],["focusgroep","bevraging"]],
  F0+" 'Structurele/beleidsmatige aanpak' Lokeren (bevraging tieners, toegankelijkheidsscan, focusgroepen, tools)")
q(A,"nl","met welke partners doet lokeren individuele toeleiding",
  [["vagevuur"],["mozaart","lia","atheneum","zomerschol","hagewinde"]],
  F0+" 'Welke strategieën past Lokeren toe?' Individuele toeleiding")
q(A,"en","What barriers keep vulnerable kids out of youth clubs?",
  [["afford","cost","price","expensive","betaalbaar"],["aware","know","informat","hoogte"],["trust","vertrouwen","nobody","no one","reach","bereikbaar","informal","habit"]],
  F0+" Stap 2 'Wat creëert afstand bij kinderen en jongeren?'")
q(A,"en","Tell me about the swimming pool QR code story from Kortrijk",
  [["qr"],["two lessons","2 lessons","first two","twee lessen"],["pay","paid","betal"]],
  F2+" 'Actiefase' (QR-code quote)")
q(A,"en","What happened to the Kortrijk ambassador after the project?",
  [["plan samenleven"],["sport"]],
  F2+" 'Verdere toekomst' (stays via Plan Samenleven, housed in the sports department)")
q(A,"en","How should I record my contacts and follow-up?",
  [["excel"],["crm"],["gdpr","avg","privacy"]],
  F1+" Stap 6 registratie")
q(A,"en","whats the difference between bottom-up work and individual referral",
  [["street","straat","public space","publieke ruimte"],["famil","gezin"]],
  F0+" strategietabel (bottom-up: de straat op; individuele toeleiding: contact met kind, jongere en gezin)")
q(A,"nl","ik sta er als ambassadeur nogal alleen voor, wat kan helpen",
  [["intervisie","coaching","vorming"],["steungroep","klankbord","stuurgroep"]],
  F1+" Stap 5 (steungroep als klankbord, vorming, intervisie, coaching) + "+F3+" knelpunt pionier mist klankbord en coaching")
q(M,"en","Where can the connection ambassador be employed - only at the municipality?",
  [["local government","municipalit","lokaal bestuur","lokale besturen","gemeente"],["youth work organi","youth organi","jeugdwerk","association","vereniging","supra-local","national"],["external","extern","contract","tender","aanbested"]],
  F1+" Intro + Stap 4 (lokale besturen, bovenlokale/landelijke jeugdwerkingen, lokale vereniging, externe partner)")
q(M,"en","besides the salary, what costs should we budget for?",
  [["staff","personnel","salary","personeel","loon"],["participation fee","participation cost","registration fee","deelnameprijs","fees"],["volunteer","vrijwillig"],["material","printing","promotion","catering","travel","drukwerk","materiaal"]],
  F1+" Stap 3 'Leg het nodige budget vast'")
q(M,"en","Is it better to focus on one target group or try to reach all children?",
  [["focus","delineat","demarcat","narrow","afbak"],["target group","doelgroep","neighbourhood","neighborhood","wijk","form of youth work","jeugdwerkvorm"]],
  F1+" Stap 3 'Baken af'")
q(S,"en","What does the support group do and who should be in it?",
  [["sounding board","klankbord","feedback"],["manager","leidinggevende","councillor","alderman","mandataris","colleague","collega"]],
  F1+" Stap 5 'Zorg voor omkadering en ondersteuning'")
q(S,"en","When and where were the learning networks held?",
  [["2022"],["sint-niklaas","sint niklaas"],["asse"],["mechelen"],["kortrijk"]],
  F3+" antwoord 1, tabel (18/03 Sint-Niklaas, 19/04 Asse, 12/05 Mechelen, 14/06 Kortrijk, 2022)")
q(S,"en","How do we make the connection ambassador sustainable after the subsidy ends?",
  [["indefinite","permanent","open-ended","three years","3 years","onbepaalde","drie jaar"],["budget","embed","anchor","structur","continuity","veranker"]],
  F1+" Stap 3 budget + looptijd (tijd en continuïteit om processen duurzaam te verankeren)")
q(A,"en","what went wrong in Kortrijk with the track where clubs could ask for support themselves",
  [["few requests","few applications","little demand","hardly any","not many","weinig aanvragen","weinig vragen"],["corona","covid","pandemic"]],
  F2+" 'Actiefase: extern traject', Spoor 2")
q(A,"en","What were the four stumbling blocks Kortrijk found in its analysis?",
  [["communicat"],["vision","visie"],["urgency","urgentie"],["expertise"]],
  F2+" 'Analysefase' (vier grote struikelblokken)")
O=[]
def o(lang,question): O.append(dict(id="r2-o%02d"%(len(O)+1),lang=lang,question=question))
o("nl","wanneer wordt het grof vuil opgehaald in onze gemeente")
o("nl","hoe vraag ik een nieuwe identiteitskaart aan bij de gemeente")
o("nl","mijn outlook synchroniseert niet meer met mijn gsm, wat moet ik doen")
o("nl","wat voor weer wordt het morgen in kortrijk")
o("nl","geef me een recept voor vol-au-vent voor 6 personen")
o("nl","wie heeft er gisteren gewonnen, club brugge of anderlecht?")
o("nl","hoeveel vakantiedagen heb ik als gemeentepersoneel recht op")
o("nl","welke jeugdboeken raad je aan voor een kind van 10")
o("nl","ik zoek een leuke vakantiebestemming met kinderen in de zomer, tips?")
o("nl","hoe word ik ambassadeur van een kledingmerk op instagram")
o("en","What's the best way to reset my Windows password?")
o("en","Can you recommend a good hotel in Ghent for a weekend of free time?")
o("en","Who won the Tour de France last year?")
o("en","How do I apply for a building permit from my municipality?")
o("nl","schrijf een python script dat mijn excel bestand sorteert")
data={"description":"Blind evaluation round 2 (issue 26, item 3): quick questions about appointing a verbindingsambassadeur, written content-blind from /work/shared/seeds/ only. mustContain: every group must match; a group matches when any alternative occurs as a case- and accent-insensitive substring of the answer. mustNotClaim: none of these strings may occur. outOfScope: the bot must decline.",
      "questions":Q,"outOfScope":O}
json.dump(data,open("/work/blind-round-2/questions.json","w"),ensure_ascii=False,indent=2)
from collections import Counter
print(len(Q),Counter(x["audience"] for x in Q),Counter(x["lang"] for x in Q),Counter((x["audience"],x["lang"]) for x in Q),len(O),Counter(x["lang"] for x in O))
