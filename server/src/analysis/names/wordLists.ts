/**
 * Hand-written word lists for the names stage: titles, organization and place shapes, news
 * outlets, acronyms and words that are capitalised without being names. Everything is
 * lower-case; lookups lower-case the token first.
 */

const set = (words: string): Set<string> => new Set(words.split('|').map((w) => w.trim()).filter(Boolean));

/**
 * Words that make a title or role when written before a name ("President", "Defence
 * Minister", "CIA Director"). The last word of a role is one of these.
 */
export const TITLE_HEADS = set(`
  mr | mrs | ms | miss | dr | prof | professor | sir | dame | lord | lady | president | vice-president |
  minister | premier | chancellor | secretary | director | governor | senator | sen | rep | representative |
  congressman | congresswoman | mayor | judge | justice | king | queen | prince | princess | pope | emperor |
  sheikh | ayatollah | general | gen | lt | lieutenant | colonel | col | major | maj | captain | capt | sgt |
  sergeant | admiral | commander | chief | chairman | chairwoman | chair | ceo | cfo | coo | spokesman |
  spokeswoman | spokesperson | ambassador | envoy | commissioner | coach | manager | striker | goalkeeper |
  midfielder | defender | leader | officer | detective | inspector | constable | superintendent | attorney |
  prosecutor | counsel | deputy | undersecretary | father | rev | reverend | bishop | archbishop | cardinal |
  rabbi | imam | pastor | saint | st | president-elect | founder | co-founder | executive | analyst | economist |
  dean | rector | speaker | whip | delegate | consul | nominee | candidate | champion | veteran | owner |
  publisher | editor | correspondent | author | actor | actress | singer | star | trainer | skipper | pilot |
  marshal | brigadier | private | corporal | agent | sheriff | baron | duke | duchess | count | countess |
  crown | tsar | czar | chancellor-elect | governor-general | magistrate | senior | jr | spc | pfc | sfc | ssg |
  sgm | cpt | ltc | cpl | pvt | cmdr | adm | brig | airman | seaman | specialist | staff | democrat | republican |
  conservative | liberal | socialist | communist | mediator | negotiator | adviser | advisor | lawyer |
  activist | organiser | organizer | chairperson | potus | councillor | councilor | alderman | alderwoman |
  assemblyman | assemblywoman | lawmaker | legislator | selectman | selectwoman
`);

/**
 * Title words that are only ever titles, so they never start a name of their own
 * ("Mr", "President"), unlike "General" or "Lord" which also start names.
 */
export const HONORIFICS = set(`
  mr | mrs | ms | miss | dr | prof | sir | dame | sen | rep | gen | lt | col | maj | capt | sgt | rev | spc | pfc |
  sfc | ssg | sgm | cpt | ltc | cpl | pvt | cmdr | adm | brig
`);

/** Words that can sit inside a role before its head ("Secretary of State", "Foreign Minister"). */
export const ROLE_MODIFIERS = set(`
  prime | foreign | defence | defense | interior | finance | health | economy | economic | justice |
  home | trade | energy | education | agriculture | transport | labour | labor | environment |
  information | culture | deputy | vice | acting | former | ex | assistant | associate | executive | chief |
  general | state | national | security | intelligence | senior | junior | first | grand | supreme |
  attorney | solicitor | high | lord | lady | head | managing | commanding | police | army | navy | air |
  force | military | opposition | party | majority | minority | house | senate | team | club | press |
  district | federal | regional | county | city | special | foreign-policy | economy | treasury | u.s. | us |
  of | the | for | and | communications | commerce | industry | development | affairs | veterans | homeland |
  olympic | football | world | human | rights | external | internal | public | works | planning | legal |
  technology | science | sports | tourism | water | housing | immigration | fisheries | oil | mines |
  european | union | central | bank | reserve | fed | crown | royal | field | rear | vice-admiral | master
`);

/** Last words of organization names ("Ford Motor Co", "Labour Party", "Defense Ministry"). */
export const ORG_SUFFIXES = set(`
  inc | inc. | corp | corp. | corporation | co | co. | company | companies | ltd | ltd. | llc | plc | ag | sa | nv |
  bv | gmbh | group | holdings | holding | bank | banks | bancorp | council | agency | committee | commission |
  army | navy | party | university | college | school | academy | institute | institution | ministry |
  department | office | bureau | association | federation | union | league | club | society | foundation |
  fund | trust | court | parliament | congress | senate | assembly | cabinet | government | administration |
  authority | board | service | services | police | forces | force | guard | corps | command | brigade |
  battalion | regiment | militia | front | movement | organization | organisation | alliance | coalition |
  airlines | airline | airways | motors | motor | systems | technologies | technology | industries |
  international | partners | capital | securities | exchange | times | post | news | journal | herald |
  tribune | telegraph | gazette | press | network | broadcasting | television | radio | records | pictures |
  studios | entertainment | communications | telecom | energy | oil | petroleum | pharmaceuticals | foods |
  airport | hospital | church | museum | embassy | consulate | mission | centre | center | laboratory |
  laboratories | labs | team | united | universities | colleges | schools | associations | unions | councils | city | rovers | wanderers | athletic | county | fc | cf | sc | ac |
  electric | steel | mining | resources | railways | railway | rail | media | reserve | tribunal | brothers |
  bros | ministries | commission | directorate | secretariat | council | presidency | kremlin | chamber |
  caucus | conference | network | networks | solutions | software | microsystems | insurance | financial |
  investments | ventures | associates | consulting | enterprises | worldwide | publishing | magazine |
  review | daily | weekly | observer | guardian | standard | express | mirror | sun | chronicle | inquirer |
  courier | monitor | dispatch | bulletin | agency
`);

/** First words of organization names written "X of Y" ("Ministry of Defence", "Bank of England"). */
export const ORG_HEADS_OF = set(`
  ministry | department | bank | university | office | bureau | institute | board | council | house |
  chamber | church | college | school | academy | federation | association | union | league | society |
  commission | committee | court | museum | organization | organisation | agency | federal | government |
  parliament | assembly | party | congress | corps | army | order | embassy | state | fund | friends |
  movement | front | alliance | coalition | people's | united | republic | kingdom | sultanate |
  emirate | principality | directorate | secretariat | command | centre | center | city | port | general |
  police | diocese | archdiocese | province | state | county | district | duchy | isle | island | islands |
  gulf | sea | bay | lake | mount | cape | strait | straits | university | bank | library | hall | temple |
  mosque | cathedral | palace | tower | bridge | battle | treaty | declaration | conference | summit
`);

/** Heads of "X of Y" names that are places rather than organizations. */
export const PLACE_HEADS_OF = set(`
  republic | kingdom | sultanate | emirate | principality | province | state | county | district | duchy |
  isle | island | islands | gulf | sea | bay | lake | mount | cape | strait | straits | city | port | coast |
  sea
`);

/** Last words of place names ("Red Sea", "Gaza Strip", "Wall Street", "Heathrow Airport"). */
export const PLACE_SUFFIXES = set(`
  river | mountains | mountain | mount | mts | hills | hill | island | islands | isles | peninsula | lake |
  sea | ocean | bay | gulf | strait | valley | desert | forest | park | street | st | avenue | ave | road |
  rd | square | boulevard | blvd | lane | bridge | canal | coast | beach | heights | plain | plains |
  province | region | county | district | state | territory | territories | city | town | village |
  airport | harbour | harbor | port | station | highway | falls | glacier | cape | delta | basin | archipelago |
  oblast | prefecture | governorate | canton | borough | parish | strip | bank | plateau | pass | creek |
  springs | fields | north | south | east | west | stadium | arena | course | circuit | speedway | racecourse |
  velodrome | raceway
`);

/** Capitalised words that are not names on their own (sentence openers, pronouns, weekdays...). */
export const NEVER_NAMES = set(`
  i | i'm | i've | i'd | i'll | a | an | the | this | that | these | those | it | its | he | she | we | they |
  you | his | her | our | their | my | your | there | here | what | which | who | whom | whose | when | where |
  why | how | if | but | and | or | nor | so | yet | for | of | in | on | at | to | by | with | from | as |
  after | before | while | since | until | although | though | because | however | meanwhile | moreover |
  also | then | now | today | yesterday | tomorrow | tonight | monday | tuesday | wednesday | thursday |
  friday | saturday | sunday | january | february | march | april | june | july | august | september |
  october | november | december | feb | apr | jul | aug | sep | sept | oct | nov | dec |
  mon | tue | tues | wed | thu | thurs | fri | am | pm | ok | tv | ceo | cfo | gdp | faq | q |
  no | not | yes | all | some | many | most | more | less | each | every | both | either | neither | one |
  two | three | four | five | six | seven | eight | nine | ten | first | second | third | last | next |
  fourth | fifth | sixth | seventh | eighth | ninth | tenth |
  other | such | only | just | even | still | already | again | ever | never | always | often |
  perhaps | maybe | indeed | instead | thus | therefore | hence | otherwise | nonetheless | nevertheless |
  besides | furthermore | additionally | finally | overall | initially | currently | recently | later |
  earlier | previously | according | despite | during | under | over | above | below | between | among |
  against | without | within | about | around | into | through | across | per | via | vs | v | do | does |
  did | is | are | was | were | be | been | has | have | had | will | would | can | could | should | may |
  might | must | shall | let | please | thank | thanks | said | says | say | asked | told | update | updated |
  breaking | exclusive | analysis | opinion | editorial | comment | read | watch | photo | video | image |
  source | sources | reporting | report | reports | edited | writing | wikinews | related | see | note |
  christmas | easter | ramadan | new year | covid-19 | covid | internet | web | email | online | mp | mps |
  gmt | utc | est | edt | pst | pdt | cet | bst | ad | bc | ii | iii | iv | ok | hi | oh | yeah | section | chapter | part | page | figure | table | appendix | officials | people |
  percent | million | billion | trillion | thousand | hundred | dollar | dollars | euro | euros | pound |
  pounds | yen | et | etc | ie | eg | women | men | scoreboard | standings | chg | shr | shrs | revs | avg | fax |
  pct | eps | qtr | yr | vol | tel | attn | ref | re | fwd | cc | ps | wk | wks | govt | mths | year-on-year |
  month-on-month | quarter-on-quarter | near | outside | inside | along | beyond | following | including |
  regarding | throughout | toward | towards | upon | amid | amidst | unlike | like | onto | off | beside | behind |
  beneath | jan. | mar. | jun. | ied | ieds | vbied | vbieds | uav | uavs | gmt | usd | eur | gbp | jpy | cad |
  aud | chf | cny | rub | ghz | mhz | lcd | usb | gps | sdk | api | pdf | dvd | hdtv
`);

/** Well-known organizations whose names are made of common words or start with a demonym. */
export const KNOWN_ORGS = new Map<string, string>([
  ['islamic state', 'islamic state'], ['white house', 'white house'], ['muslim brotherhood', 'muslim brotherhood'],
  ['al qaeda', 'al qaeda'], ['al-qaeda', 'al qaeda'], ['taliban', 'taliban'], ['hezbollah', 'hezbollah'], ['hamas', 'hamas'],
  ['kremlin', 'kremlin'], ['pentagon', 'pentagon'], ['red cross', 'red cross'], ['red crescent', 'red crescent'],
  ['european union', 'european union'], ['united nations', 'united nations'], ['european commission', 'european commission'],
  ['supreme court', 'supreme court'], ['federal reserve', 'federal reserve'], ['wall street journal', 'the wall street journal'],
  ['american airlines', 'american airlines'], ['british airways', 'british airways'], ['national guard', 'national guard'],
  ['free syrian army', 'free syrian army'], ['syrian democratic forces', 'syrian democratic forces'],
  // Companies named like cities or common words ("Toyota" is also a city; "Shell", "Apple" are words).
  ['toyota', 'toyota'], ['ford', 'ford motor company'], ['honda', 'honda'], ['nissan', 'nissan'], ['hyundai', 'hyundai'], ['kia', 'kia'],
  ['subaru', 'subaru'], ['mazda', 'mazda'], ['suzuki', 'suzuki'], ['volkswagen', 'volkswagen'], ['daimler', 'daimler'],
  ['renault', 'renault'], ['peugeot', 'peugeot'], ['fiat', 'fiat'], ['volvo', 'volvo'], ['chrysler', 'chrysler'],
  ['google', 'google'], ['microsoft', 'microsoft'], ['amazon.com', 'amazon'], ['facebook', 'facebook'], ['twitter', 'twitter'],
  ['samsung', 'samsung'], ['sony', 'sony'], ['intel', 'intel'], ['nokia', 'nokia'], ['boeing', 'boeing'], ['airbus', 'airbus'],
  ['exxon', 'exxonmobil'], ['exxonmobil', 'exxonmobil'], ['gazprom', 'gazprom'], ['rosneft', 'rosneft'], ['walmart', 'walmart'],
  ['wal-mart', 'walmart'], ['nestle', 'nestle'], ['siemens', 'siemens'], ['philips', 'philips'], ['huawei', 'huawei'],
  ['alibaba', 'alibaba'], ['tencent', 'tencent'], ['netflix', 'netflix'], ['tesla', 'tesla'], ['uber', 'uber'],
  ['youtube', 'youtube'], ['instagram', 'instagram'], ['whatsapp', 'whatsapp'], ['tiktok', 'tiktok'], ['nasdaq', 'nasdaq'],
]);

/**
 * Words that may sit inside a name ("Defense Ministry", "Prime Minister Boris Johnson") but are
 * never a name on their own ("the Government", "President" alone).
 */
export const GENERIC_ALONE = set(`
  prime | minister | president | secretary | director | governor | senator | chairman | spokesman |
  spokeswoman | official | police | government | ministry | department | army | military | state | city |
  county | university | company | party | court | council | committee | agency | bank | group | team |
  club | league | ltd | inc | corp | co | plc | llc | administration | parliament | congress | senate |
  navy | embassy | union | commission | cabinet | federal | national | republic | kingdom | capital |
  north | south | east | west | northern | southern | eastern | western | central | international |
  mr | mrs | ms | dr | st | sir | king | queen | prince | general | chief | judge | mayor | coach |
  captain | ambassador | chancellor | premier | pope | emperor | professor | justice | lord | lady |
  de | du | la | le | van | von | der | den | da | del | di | bin | al | ibn | el |
  muslim | muslims | christian | christians | jew | jews | jewish | hindu | hindus | buddhist | buddhists | sikh |
  sikhs | islam | christianity | judaism | hinduism | buddhism | catholic | catholics | protestant | protestants |
  sunni | sunnis | shia | shiite | shiites | rohingya | hajj | eid | vip | vips | potus | flotus | bible | koran |
  quran | god | allah | internet | democrats | republicans | democrat | republican | conservatives | liberals
`);

/** Abbreviations written with a final period that does not end the sentence ("Mr.", "Corp."). */
export const ABBREVIATIONS = set(`
  mr | mrs | ms | dr | st | jr | sr | prof | gen | sen | rep | gov | lt | col | sgt | capt | maj | rev | inc |
  corp | co | ltd | mt | ft | no | vs | messrs | adm | cmdr | cpl | pvt | supt | insp | det | hon | esq |
  jan | feb | mar | apr | jun | jul | aug | sep | sept | oct | nov | dec | bros | univ | dept | assn | ave | blvd |
  ala | ariz | ark | calif | colo | conn | fla | ga | ill | ind | kan | kans | ky | md | mass | mich | minn | miss |
  mo | mont | neb | nev | okla | ore | pa | tenn | tex | va | vt | wash | wis | wyo | spc | pfc | sfc | ssg | sgm |
  cpt | ltc | brig
`);


/** News outlets and agencies; the key is the canonical lower-case name. */
export const NEWS_OUTLETS = new Map<string, string>([
  ['cnn', 'cnn'], ['the hill', 'the hill'], ['afp', 'agence france-presse'], ['agence france-presse', 'agence france-presse'],
  ['agence france presse', 'agence france-presse'], ['reuters', 'reuters'], ['bbc', 'bbc'], ['bbc news', 'bbc'],
  ['cbs', 'cbs'], ['cbs news', 'cbs news'], ['nbc', 'nbc'], ['nbc news', 'nbc news'], ['abc', 'abc'], ['abc news', 'abc news'],
  ['fox news', 'fox news'], ['msnbc', 'msnbc'], ['npr', 'npr'], ['pbs', 'pbs'], ['ap', 'associated press'],
  ['associated press', 'associated press'], ['the associated press', 'associated press'], ['bloomberg', 'bloomberg'],
  ['politico', 'politico'], ['axios', 'axios'], ['al jazeera', 'al jazeera'], ['tass', 'tass'], ['interfax', 'interfax'],
  ['ria novosti', 'ria novosti'], ['xinhua', 'xinhua'], ['kyodo', 'kyodo'], ['yonhap', 'yonhap'], ['dpa', 'dpa'],
  ['ansa', 'ansa'], ['efe', 'efe'], ['itar-tass', 'itar-tass'], ['upi', 'upi'], ['cnbc', 'cnbc'], ['sky news', 'sky news'],
  ['the guardian', 'the guardian'], ['guardian', 'the guardian'], ['the new york times', 'the new york times'],
  ['new york times', 'the new york times'], ['the washington post', 'the washington post'],
  ['washington post', 'the washington post'], ['the wall street journal', 'the wall street journal'],
  ['wall street journal', 'the wall street journal'], ['financial times', 'financial times'], ['the times', 'the times'],
  ['the economist', 'the economist'], ['usa today', 'usa today'], ['los angeles times', 'los angeles times'],
  ['the independent', 'the independent'], ['the telegraph', 'the telegraph'], ['daily mail', 'daily mail'],
  ['newsweek', 'newsweek'], ['time magazine', 'time magazine'], ['wikinews', 'wikinews'], ['wikipedia', 'wikipedia'],
  ['der spiegel', 'der spiegel'], ['le monde', 'le monde'], ['haaretz', 'haaretz'], ['pravda', 'pravda'], ['izvestia', 'izvestia'],
  ['kommersant', 'kommersant'], ['cbc', 'cbc'], ['rte', 'rte'], ['abc australia', 'abc'], ['euronews', 'euronews'],
  ['deutsche welle', 'deutsche welle'], ['voice of america', 'voice of america'], ['radio free europe', 'radio free europe'],
]);

/**
 * Well-known acronyms and their expansions, so "NATO" and "North Atlantic Treaty
 * Organization" share a key. The value's first element is the kind.
 */
export const KNOWN_ACRONYMS = new Map<string, ['org' | 'place', string]>([
  ['nato', ['org', 'north atlantic treaty organization']], ['un', ['org', 'united nations']],
  ['u.n.', ['org', 'united nations']], ['eu', ['org', 'european union']], ['e.u.', ['org', 'european union']],
  ['cia', ['org', 'central intelligence agency']], ['fbi', ['org', 'federal bureau of investigation']],
  ['nsa', ['org', 'national security agency']], ['who', ['org', 'world health organization']],
  ['imf', ['org', 'international monetary fund']], ['wto', ['org', 'world trade organization']],
  ['opec', ['org', 'organization of the petroleum exporting countries']], ['osce', ['org', 'organization for security and co-operation in europe']],
  ['fsb', ['org', 'federal security service']], ['kgb', ['org', 'kgb']], ['gru', ['org', 'gru']], ['mi6', ['org', 'mi6']], ['mi5', ['org', 'mi5']],
  ['nasa', ['org', 'national aeronautics and space administration']], ['sec', ['org', 'securities and exchange commission']],
  ['fda', ['org', 'food and drug administration']], ['epa', ['org', 'environmental protection agency']],
  ['dod', ['org', 'department of defense']], ['pentagon', ['org', 'pentagon']], ['ecb', ['org', 'european central bank']],
  ['iaea', ['org', 'international atomic energy agency']], ['icc', ['org', 'international criminal court']],
  ['unicef', ['org', 'unicef']], ['unesco', ['org', 'unesco']], ['unhcr', ['org', 'unhcr']], ['g7', ['org', 'g7']],
  ['g20', ['org', 'g20']], ['asean', ['org', 'association of southeast asian nations']], ['plo', ['org', 'palestine liberation organization']],
  ['ira', ['org', 'irish republican army']], ['isis', ['org', 'islamic state']], ['isil', ['org', 'islamic state']],
  ['gop', ['org', 'republican party']], ['dnc', ['org', 'democratic national committee']], ['anc', ['org', 'african national congress']],
  ['fifa', ['org', 'fifa']], ['uefa', ['org', 'uefa']], ['ioc', ['org', 'international olympic committee']],
  ['ibm', ['org', 'ibm']], ['gm', ['org', 'general motors']], ['ge', ['org', 'general electric']], ['at&t', ['org', 'at&t']],
  ['bmw', ['org', 'bmw']], ['hp', ['org', 'hewlett-packard']], ['sdf', ['org', 'syrian democratic forces']],
  ['ypg', ['org', 'ypg']], ['pkk', ['org', 'kurdistan workers\' party']], ['hts', ['org', 'hayat tahrir al-sham']],
  ['us', ['place', 'united states']], ['u.s.', ['place', 'united states']], ['usa', ['place', 'united states']],
  ['u.s.a.', ['place', 'united states']], ['uk', ['place', 'united kingdom']], ['u.k.', ['place', 'united kingdom']],
  ['uae', ['place', 'united arab emirates']], ['ussr', ['place', 'soviet union']], ['drc', ['place', 'dr congo']],
  ['prc', ['place', 'china']], ['nfl', ['org', 'national football league']], ['nba', ['org', 'national basketball association']],
  ['nhl', ['org', 'national hockey league']], ['mlb', ['org', 'major league baseball']], ['nz', ['place', 'new zealand']], ['scotus', ['org', 'supreme court of the united states']],
]);

/** Place aliases that world-countries does not list, folded to the country's common name. */
export const PLACE_ALIASES = new Map<string, string>([
  ['america', 'united states'], ['united states of america', 'united states'],
  ['britain', 'united kingdom'], ['great britain', 'united kingdom'], ['england', 'england'], ['scotland', 'scotland'],
  ['wales', 'wales'], ['northern ireland', 'northern ireland'], ['soviet union', 'soviet union'], ['holland', 'netherlands'],
 ['burma', 'myanmar'], ['ivory coast', 'ivory coast'], ['czech republic', 'czechia'],
  ['russian federation', 'russia'], ['south korea', 'south korea'], ['north korea', 'north korea'],
  ['gaza', 'gaza'], ['gaza strip', 'gaza strip'], ['west bank', 'west bank'], ['crimea', 'crimea'], ['donbas', 'donbas'],
  ['donbass', 'donbas'], ['kashmir', 'kashmir'], ['tibet', 'tibet'], ['chechnya', 'chechnya'], ['kurdistan', 'kurdistan'],
  ['europe', 'europe'], ['asia', 'asia'], ['africa', 'africa'], ['north america', 'north america'],
  ['south america', 'south america'], ['latin america', 'latin america'], ['middle east', 'middle east'], ['antarctica', 'antarctica'], ['australasia', 'australasia'], ['oceania', 'oceania'],
  ['balkans', 'balkans'], ['caucasus', 'caucasus'], ['scandinavia', 'scandinavia'], ['siberia', 'siberia'],
  // Continents and world regions named in diplomatic titles ("for Europe and Eurasia", "for South Asia").
  ['eurasia', 'eurasia'], ['americas', 'americas'], ['central america', 'central america'], ['central asia', 'central asia'],
  ['south asia', 'south asia'], ['southeast asia', 'southeast asia'], ['south-east asia', 'southeast asia'], ['east asia', 'east asia'],
  ['north africa', 'north africa'], ['west africa', 'west africa'], ['east africa', 'east africa'], ['southern africa', 'southern africa'],
  ['sub-saharan africa', 'sub-saharan africa'], ['horn of africa', 'horn of africa'], ['eastern europe', 'eastern europe'],
  ['western europe', 'western europe'], ['central europe', 'central europe'], ['baltics', 'baltics'], ['levant', 'levant'],
  ['maghreb', 'maghreb'], ['sahel', 'sahel'], ['indochina', 'indochina'], ['asia-pacific', 'asia-pacific'],
  ['silicon valley', 'silicon valley'], ['wall street', 'wall street'], ['hong kong', 'hong kong'], ['taiwan', 'taiwan'],
  ['macau', 'macau'], ['kosovo', 'kosovo'], ['palestine', 'palestine'], ['vatican', 'vatican city'],
  ['d.c.', 'washington, d.c.'], ['washington d.c.', 'washington, d.c.'], ['washington, d.c.', 'washington, d.c.'], ['washington dc', 'washington, d.c.'],
]);

/** The 50 US states plus DC and well-known regions often written alone, for the place gazetteer. */
export const US_STATES = set(`
  alabama | alaska | arizona | arkansas | california | colorado | connecticut | delaware | florida | georgia |
  hawaii | idaho | illinois | indiana | iowa | kansas | kentucky | louisiana | maine | maryland |
  massachusetts | michigan | minnesota | mississippi | missouri | montana | nebraska | nevada |
  new hampshire | new jersey | new mexico | new york | north carolina | north dakota | ohio | oklahoma |
  oregon | pennsylvania | rhode island | south carolina | south dakota | tennessee | texas | utah | vermont |
  virginia | washington | west virginia | wisconsin | wyoming | puerto rico | guam
`);

/** Other sub-national regions and provinces often named in news. */
export const REGIONS = set(`
  ontario | quebec | british columbia | alberta | manitoba | saskatchewan | nova scotia | new brunswick |
  newfoundland | new south wales | victoria | queensland | tasmania | bavaria | saxony | catalonia |
  andalusia | lombardy | tuscany | sicily | sardinia | corsica | brittany | normandy | provence |
  flanders | wallonia | punjab | kerala | gujarat | bengal | west bengal | tamil nadu | uttar pradesh |
  maharashtra | kurdistan | xinjiang | guangdong | sichuan | hubei | yunnan | manchuria | mindanao |
  luzon | java | sumatra | borneo | bali | aceh | papua | cornwall | devon | ulster | transylvania | galicia | siberia | anatolia | darfur |
  kurdistan region | idlib | aleppo | homs | raqqa | deir ez-zor | mosul | anbar | kirkuk | basra | fallujah |
  kharkiv | donetsk | luhansk | kherson | zaporizhzhia | mariupol | odesa | odessa | lviv | crimea
`);

/**
 * Last words of event, prize and law names ("World Cup", "Nobel Prize", "Patriot Act"): these
 * are neither people, organizations nor places, so the run is left out.
 */
export const EVENT_SUFFIXES = set(`
  cup | open | championship | championships | games | olympics | olympiad | prix | series | trophy |
  award | awards | prize | festival | war | act | bill | treaty | accord | accords | agreement | tour |
  marathon | derby | classic | masters | invitational | tournament | grand slam | final | finals | bowl |
  summit | conference | expo | fair | week | day | index | doctrine | plan | protocol | revolution | crisis |
  rally | grand prix | medal
`);

/** Historical and informal country names that world-countries does not list. */
export const EXTRA_PLACES = new Map<string, string>([
  ['yugoslavia', 'yugoslavia'], ['czechoslovakia', 'czechoslovakia'], ['zaire', 'dr congo'], ['east germany', 'east germany'],
  ['west germany', 'west germany'], ['soviet union', 'soviet union'], ['ussr', 'soviet union'], ['rhodesia', 'zimbabwe'],
  ['persia', 'iran'], ['kazakstan', 'kazakhstan'], ['kirghizia', 'kyrgyzstan'], ['byelorussia', 'belarus'], ['ceylon', 'sri lanka'], ['siam', 'thailand'], ['panama city', 'panama city'], ['mexico city', 'mexico city'],
  ['guatemala city', 'guatemala city'], ['kuwait city', 'kuwait city'], ['vatican city', 'vatican city'], ['new york city', 'new york'],
  ['los angeles', 'los angeles'], ['san francisco', 'san francisco'], ['st petersburg', 'saint petersburg'],
  ['st. petersburg', 'saint petersburg'], ['sarajevo', 'sarajevo'], ['chechnya', 'chechnya'], ['grozny', 'grozny'],
  ['bosnia', 'bosnia and herzegovina'], ['herzegovina', 'herzegovina'], ['serbia', 'serbia'], ['montenegro', 'montenegro'],
  ['kurdistan', 'kurdistan'], ['gulf', 'persian gulf'], ['persian gulf', 'persian gulf'], ['new england', 'new england'], ['midwest', 'midwest'], ['st louis', 'st. louis'],
  ['st. louis', 'st. louis'], ['ala.', 'alabama'], ['ariz.', 'arizona'], ['ark.', 'arkansas'], ['calif.', 'california'],
  ['colo.', 'colorado'], ['conn.', 'connecticut'], ['fla.', 'florida'], ['ga.', 'georgia'], ['ill.', 'illinois'], ['ind.', 'indiana'],
  ['kan.', 'kansas'], ['ky.', 'kentucky'], ['md.', 'maryland'], ['mass.', 'massachusetts'], ['mich.', 'michigan'], ['minn.', 'minnesota'],
  ['miss.', 'mississippi'], ['mo.', 'missouri'], ['mont.', 'montana'], ['neb.', 'nebraska'], ['nev.', 'nevada'], ['okla.', 'oklahoma'],
  ['ore.', 'oregon'], ['pa.', 'pennsylvania'], ['tenn.', 'tennessee'], ['tex.', 'texas'], ['va.', 'virginia'], ['vt.', 'vermont'],
  ['wash.', 'washington'], ['wis.', 'wisconsin'], ['wyo.', 'wyoming'], ['n.y.', 'new york'], ['n.j.', 'new jersey'], ['n.c.', 'north carolina'],
  ['s.c.', 'south carolina'], ['n.h.', 'new hampshire'], ['r.i.', 'rhode island'], ['n.m.', 'new mexico'], ['n.d.', 'north dakota'], ['s.d.', 'south dakota'], ['saint louis', 'st. louis'], ['st paul', 'st. paul'], ['st. paul', 'st. paul'],
  // State abbreviations that datelines also write without the period ("IRVINE, Calif").
  ['calif', 'california'], ['fla', 'florida'], ['mich', 'michigan'], ['okla', 'oklahoma'], ['ariz', 'arizona'],
  ['minn', 'minnesota'], ['tenn', 'tennessee'], ['wisc', 'wisconsin'], ['nebr', 'nebraska'],
]);

/** Words after a single capitalised word that show it is a person ("Simmons said"). */
export const PERSON_VERBS = set(`
  said | says | told | added | argued | wrote | stated | explained | noted | claimed | insisted | replied |
  recalled | admitted | warned | announced | who | whose | himself | herself | scored | won | lost | beat |
  struck | took | shot | finished | joined | resigned | died | smiled | believes | thinks | thought | wants |
  denied | urged | acknowledged | confirmed | tweeted | posted | met | visited | was | is | has | had | will |
  would | could | can | also | then | later | managed | needed | made | did | went | came | got | gave | became
`);

/** Given names that are also common words: a sentence may start with them ("Mark Philippoussis won"). */
export const COMMON_WORD_GIVEN_NAMES = set(`
  mark | will | bill | guy | frank | grant | jack | rose | jean | bob | rob | pat | sue | ray | dean | drew |
  chase | hunter | wade | lane | glen | dale | gene | joy | faith | hope | grace | june | rich | victor | earl |
  don | ken | art | bud | cliff | miles | rusty | sandy | amber | ruby | pearl | olive | violet | holly | ivy |
  iris | daisy | penny | carol | eve | rod | roger | sonny | gay | kurt | lance | max | nick | norm | pierce |
  reed | rex | rocky | sky | spike | stuck | ted | tom | troy | vince | walker | ward | wayne | young | carl |
  bishop | duke | jay | kit | mat | matt | pete | sam | sid | tim | tony | val | wes | buck | hal | herb | homer
`);

/** Place-name suffixes that are also common surnames ("Tom Park", "Grant Hill"). */
export const SURNAME_PLACE_SUFFIXES = set(`
  hill | park | lane | fields | springs | north | south | east | west | bank | pass | field | wells | banks | brooks
`);


/** Words that may stand before a title inside a role ("Prime Minister", "Deputy Chief Executive"). */
export const ROLE_PREFIX_WORDS = set(`
  prime | foreign | defence | defense | interior | finance | health | deputy | vice | acting | former | ex |
  assistant | associate | executive | chief | senior | junior | first | grand | supreme | attorney | solicitor |
  managing | commanding | opposition | majority | minority | press | trade | energy | education | justice |
  economy | labour | labor | environment | home | transport | culture | information | agriculture | treasury |
  communications | commerce | industry | development | immigration | tourism | sports | high | lord | lady |
  co | joint | general | interim | outgoing | incoming | founding | honorary | principal | lead | head
`);

/** Company-form words after which a run ends ("Chrysler LLC Jim Press"). */
export const COMPANY_FORMS = set(`
  inc | inc. | corp | corp. | ltd | ltd. | llc | plc | ag | gmbh | nv | bv | sa | spa | s.a. | n.v. | co. | l.p. | lp
`);

/**
 * The words that end a company's name without changing which company it is: legal forms and
 * "Corporation", "Company", "Group", "Holdings" ("General Motors Corporation" = "General Motors",
 * "Chrysler Group" = "Chrysler"). Identity keys leave them out.
 */
export const CORPORATE_FORMS = set(`
  inc | inc. | incorporated | corp | corp. | corporation | co | co. | company | ltd | ltd. | limited | llc | plc |
  ag | gmbh | nv | n.v. | bv | b.v. | sa | s.a. | spa | s.p.a. | lp | l.p. | group | holding | holdings
`);

/**
 * Words that say what a company makes, written after its short name ("Apple Computer", "Ford
 * Motors", "Samsung Electronics"). Within one article that also writes the short name alone, the
 * longer name is the same company.
 */
export const CORPORATE_DESCRIPTORS = set(`
  computer | computers | motor | motors | electronics | industries | international | technologies | technology |
  systems | airlines | airways | communications | entertainment | pharmaceuticals | petroleum | oil | energy |
  steel | chemicals | foods | media | networks | software | telecom | automotive | auto | enterprises | worldwide |
  corporation | company | group | holdings | inc. | corp. | co.
`);
