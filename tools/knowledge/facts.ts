/**
 * Hand-written facts for the knowledge list: names of well-known companies, stock indices,
 * government agencies and international bodies, news outlets, wire services and photo agencies,
 * political parties and political leaders. Public facts, written for this project; the list is
 * evidence for the tagger (a feature), never an override.
 */

/** Companies, especially those whose names read like people or places. */
export const COMPANIES = `
Northrop Grumman | McDonnell Douglas | Lockheed Martin | Raytheon | General Dynamics | BAE Systems | Boeing | Airbus |
Getty Images | Shutterstock | Morgan Stanley | Goldman Sachs | JPMorgan Chase | JPMorgan | J.P. Morgan | Merrill Lynch |
Lehman Brothers | Bear Stearns | Charles Schwab | Wells Fargo | Bank of America | Citigroup | Citibank | Barclays | HSBC |
Deutsche Bank | Credit Suisse | UBS | BNP Paribas | Societe Generale | Santander | Lloyds | Lloyds Banking Group | NatWest |
Standard Chartered | Berkshire Hathaway | BlackRock | Vanguard | Fidelity | State Street | Allianz | AXA | Prudential |
Johnson & Johnson | Procter & Gamble | Marks & Spencer | Ernst & Young | Deloitte | KPMG | PricewaterhouseCoopers | PwC |
McKinsey | Accenture | Harley-Davidson | Ralph Lauren | Estee Lauder | Calvin Klein | Tommy Hilfiger | Louis Vuitton |
Christian Dior | Dior | Chanel | Hermes | Gucci | Prada | Burberry | Dolce & Gabbana | Hugo Boss | Levi Strauss | Nike | Adidas |
Puma | Reebok | Under Armour | Walmart | Wal-Mart | Target | Costco | Kroger | Tesco | Sainsbury's | Carrefour | Aldi | Lidl |
Amazon | Apple | Microsoft | Google | Alphabet | Meta | Facebook | Instagram | WhatsApp | Twitter | Netflix | IBM | Intel | AMD |
Nvidia | Qualcomm | Cisco | Oracle | SAP | Salesforce | Adobe | Dell | Hewlett-Packard | HP | Lenovo | Huawei | Xiaomi | ZTE |
Samsung | Sony | Panasonic | Toshiba | Hitachi | Fujitsu | Nintendo | Canon | Nikon | Foxconn | TSMC | Tencent | Alibaba |
Baidu | ByteDance | TikTok | Uber | Lyft | Airbnb | Spotify | PayPal | eBay | Yahoo | Snapchat | OpenAI | Anthropic | SpaceX |
Tesla | General Motors | Ford | Ford Motor | Ford Motor Company | Chrysler | Fiat | Fiat Chrysler | Stellantis | Volkswagen |
BMW | Daimler | Mercedes-Benz | Porsche | Audi | Toyota | Honda | Nissan | Mazda | Subaru | Mitsubishi | Hyundai | Kia |
Renault | Peugeot | Citroen | Volvo | Jaguar Land Rover | Rolls-Royce | Bentley | Ferrari | Lamborghini | Opel | Vauxhall |
Saab | Scania | Caterpillar | John Deere | Deere | Siemens | Philips | Bosch | ABB | Schneider Electric | General Electric |
Honeywell | 3M | DuPont | Dow Chemical | Dow | BASF | Bayer | Monsanto | Pfizer | Moderna | AstraZeneca | GlaxoSmithKline |
GSK | Novartis | Roche | Sanofi | Merck | Eli Lilly | Bristol-Myers Squibb | AbbVie | Abbott | Amgen | Gilead | Medtronic |
Exxon | ExxonMobil | Exxon Mobil | Chevron | Shell | Royal Dutch Shell | BP | TotalEnergies | Total | ConocoPhillips | Gazprom |
Rosneft | Lukoil | Saudi Aramco | Aramco | PetroChina | Sinopec | Petrobras | Pemex | Equinor | Statoil | Eni | Repsol |
Coca-Cola | Coca Cola | PepsiCo | Pepsi | Nestle | Unilever | Danone | Kraft Heinz | Kellogg | Mars | Mondelez | Heineken |
Anheuser-Busch | AB InBev | Diageo | Carlsberg | McDonald's | Burger King | KFC | Starbucks | Subway | Domino's | Pizza Hut |
Disney | Walt Disney | Warner Bros | Warner Bros. | Time Warner | Comcast | Paramount | Universal | Sony Pictures | Pixar |
Marvel | Lionsgate | AT&T | Verizon | T-Mobile | Sprint | Vodafone | Orange | Telefonica | BT | Deutsche Telekom |
American Airlines | Delta | Delta Air Lines | United Airlines | Southwest Airlines | British Airways | Lufthansa | Air France |
KLM | Ryanair | easyJet | Emirates | Qatar Airways | Etihad | Singapore Airlines | Cathay Pacific | Qantas | Aeroflot |
FedEx | UPS | DHL | Maersk | Visa | Mastercard | American Express | Berkshire | Hang Seng Bank | Nomura | Mizuho |
Standard & Poor's | Moody's | Fitch | Fitch Ratings | Nasdaq Inc | Intercontinental Exchange | London Stock Exchange |
Thomson Reuters | News Corp | Vivendi | Bertelsmann | Penguin Random House | HarperCollins | Rio Tinto | BHP | Glencore |
Vale | ArcelorMittal | Tata | Tata Motors | Tata Steel | Reliance Industries | Infosys | Wipro | Mahindra | Adani |
Embraer | Bombardier | Thales | Dassault | Safran | Leonardo | Rheinmetall | Kalashnikov | Wagner Group
`;

/** Stock indices. */
export const INDICES = `
Dow Jones Industrial Average | Dow Jones | Dow | S&P 500 | Standard & Poor's 500 | Nasdaq Composite | Nasdaq | Nasdaq 100 |
Russell 2000 | Wilshire 5000 | FTSE 100 | FTSE 250 | FTSE | Nikkei 225 | Nikkei | Topix | Hang Seng | Hang Seng Index |
Shanghai Composite | Shenzhen Component | CSI 300 | Kospi | Kosdaq | Sensex | Nifty | Nifty 50 | ASX 200 | S&P/ASX 200 |
All Ordinaries | TSX | S&P/TSX Composite | DAX | MDAX | CAC 40 | CAC | Euro Stoxx 50 | Stoxx 600 | Stoxx Europe 600 | IBEX 35 |
FTSE MIB | AEX | SMI | OMX | Bovespa | Ibovespa | Merval | IPC | Straits Times Index | Taiex | Jakarta Composite | KLCI |
MSCI World | MSCI Emerging Markets | VIX | RTS | MOEX | BIST 100 | Tadawul | TASI
`;

/** Government agencies, central banks and international bodies. */
export const AGENCIES = `
FBI | CIA | NSA | DEA | ATF | EPA | FDA | CDC | NASA | FAA | FCC | FTC | SEC | IRS | DHS | ICE | TSA | NIH | NOAA | USDA |
Pentagon | State Department | Justice Department | Department of Justice | Department of Defense | Department of State |
Department of Homeland Security | Treasury Department | Federal Reserve | Fed | Federal Bureau of Investigation |
Central Intelligence Agency | National Security Agency | Environmental Protection Agency | Food and Drug Administration |
Centers for Disease Control and Prevention | Securities and Exchange Commission | Internal Revenue Service | Secret Service |
Scotland Yard | Metropolitan Police | MI5 | MI6 | GCHQ | Home Office | Foreign Office | Ministry of Defence | NHS | Ofcom |
Bank of England | European Central Bank | ECB | Bank of Japan | People's Bank of China | Reserve Bank of India | Bundesbank |
Bundestag | Bundeswehr | Kremlin | FSB | KGB | GRU | SVR | Rosatom | Roscosmos | Duma | State Duma | Mossad | Shin Bet | IDF |
Interpol | Europol | Frontex | Eurostat | European Commission | European Parliament | European Council | European Union |
Council of Europe | United Nations | UN | UN Security Council | Security Council | General Assembly | UNESCO | UNICEF | UNHCR |
WHO | World Health Organization | World Bank | International Monetary Fund | IMF | World Trade Organization | WTO | OECD |
OPEC | NATO | ASEAN | African Union | Arab League | G7 | G20 | IAEA | International Atomic Energy Agency | ICC |
International Criminal Court | International Court of Justice | Red Cross | International Committee of the Red Cross | ICRC |
Red Crescent | Amnesty International | Human Rights Watch | Greenpeace | Medecins Sans Frontieres | Doctors Without Borders |
Oxfam | Save the Children | World Food Programme | WFP | FIFA | UEFA | IOC | International Olympic Committee | Supreme Court |
Congress | Senate | House of Representatives | House of Commons | House of Lords | Parliament | White House | Downing Street |
Elysee | Knesset | Politburo | Taliban | Hamas | Hezbollah | Islamic State | ISIS | ISIL | al-Qaeda | al-Shabaab | Boko Haram
`;

/** News outlets, wire services and photo agencies. */
export const OUTLETS = `
Reuters | Associated Press | AP | Agence France-Presse | AFP | Bloomberg | Bloomberg News | Dow Jones Newswires | Xinhua | TASS |
RIA Novosti | Interfax | Kyodo | Kyodo News | Yonhap | Press Trust of India | PTI | ANSA | EFE | DPA | Anadolu | Anadolu Agency |
BBC | BBC News | CNN | CBS | CBS News | NBC | NBC News | ABC | ABC News | Fox News | MSNBC | CNBC | NPR | PBS | Sky News | ITV |
Channel 4 | Al Jazeera | Al Arabiya | Euronews | Deutsche Welle | France 24 | RT | Russia Today | CGTN | NHK | The New York Times |
New York Times | The Washington Post | Washington Post | The Wall Street Journal | Wall Street Journal | Financial Times |
The Guardian | Guardian | The Times | The Sunday Times | The Daily Telegraph | The Telegraph | The Independent | Daily Mail |
The Sun | Daily Mirror | The Economist | Politico | Axios | The Hill | Los Angeles Times | USA Today | Chicago Tribune |
The Atlantic | The New Yorker | Time | Newsweek | Forbes | Fortune | Le Monde | Le Figaro | Der Spiegel | Spiegel |
Die Zeit | Bild | Frankfurter Allgemeine Zeitung | El Pais | Corriere della Sera | La Repubblica | Haaretz | Times of Israel |
South China Morning Post | Kyiv Independent | Kyiv Post | Pravda | Izvestia | Kommersant | Novaya Gazeta | Meduza |
Getty Images | AP Photo | AFP Photo | Reuters Pictures | EPA-EFE | European Pressphoto Agency | Shutterstock | Alamy |
Wikinews | Wikipedia | HuffPost | Huffington Post | BuzzFeed | Vice | Vox | Business Insider | Insider | TechCrunch | The Verge |
Wired | CBS MoneyWatch | MarketWatch | Yahoo News | Google News | CNN International | CNN Business
`;

/** Political parties. */
export const PARTIES = `
Democratic Party | Republican Party | Democrats | Republicans | GOP | Labour Party | Labour | Conservative Party | Conservatives |
Tories | Liberal Democrats | Scottish National Party | SNP | Green Party | Greens | Reform UK | UKIP | Sinn Fein | DUP |
Christian Democratic Union | CDU | CSU | Social Democratic Party | SPD | Alternative for Germany | AfD | Free Democratic Party |
FDP | National Rally | Front National | Renaissance | La France Insoumise | Forza Italia | Brothers of Italy | Lega |
Five Star Movement | Podemos | Vox | Popular Party | PSOE | Fidesz | Law and Justice | PiS | United Russia | Communist Party |
Chinese Communist Party | Bharatiya Janata Party | BJP | Indian National Congress | Congress Party | Likud | Kadima | Fatah |
African National Congress | ANC | Liberal Party | New Democratic Party | Bloc Quebecois | Justicia | Morena | Kuomintang | KMT |
Democratic Progressive Party | Liberal Democratic Party | LDP | Workers' Party | Servant of the People
`;

/** Political leaders of recent decades (heads of state or government, ministers often in the news). */
export const LEADERS = `
Joe Biden | Donald Trump | Barack Obama | George W. Bush | George Bush | Bill Clinton | Hillary Clinton | Kamala Harris |
Mike Pence | Antony Blinken | Lloyd Austin | Jake Sullivan | Nancy Pelosi | Mitch McConnell | Chuck Schumer | Kevin McCarthy |
Vladimir Putin | Dmitry Medvedev | Sergei Lavrov | Sergei Shoigu | Dmitry Peskov | Mikhail Mishustin | Maria Zakharova |
Volodymyr Zelensky | Volodymyr Zelenskyy | Petro Poroshenko | Viktor Yanukovych | Dmytro Kuleba | Denys Shmyhal |
Alexander Lukashenko | Alexander Lukashenka | Aliaksandr Lukashenka | Sviatlana Tsikhanouskaya | Boris Johnson |
Rishi Sunak | Keir Starmer | Liz Truss | Theresa May | David Cameron | Gordon Brown | Tony Blair | Dominic Raab | Priti Patel |
James Cleverly | Ben Wallace | Jeremy Hunt | Sajid Javid | Grant Shapps | Michael Gove | Nicola Sturgeon | Emmanuel Macron |
Francois Hollande | Nicolas Sarkozy | Marine Le Pen | Olaf Scholz | Angela Merkel | Annalena Baerbock | Frank-Walter Steinmeier |
Giorgia Meloni | Mario Draghi | Sergio Mattarella | Pedro Sanchez | Mark Rutte | Ursula von der Leyen | Charles Michel |
Josep Borrell | Jens Stoltenberg | Antonio Guterres | Ban Ki-moon | Viktor Orban | Andrzej Duda | Mateusz Morawiecki |
Donald Tusk | Recep Tayyip Erdogan | Xi Jinping | Li Keqiang | Li Qiang | Wang Yi | Hu Jintao | Narendra Modi | Manmohan Singh |
Imran Khan | Shehbaz Sharif | Nawaz Sharif | Benjamin Netanyahu | Naftali Bennett | Yair Lapid | Mahmoud Abbas |
Ismail Haniyeh | Ali Khamenei | Ebrahim Raisi | Hassan Rouhani | Mahmoud Ahmadinejad | Bashar al-Assad | Recep Erdogan |
Mohammed bin Salman | Abdel Fattah el-Sisi | Kim Jong Un | Kim Jong-un | Moon Jae-in | Yoon Suk Yeol | Shinzo Abe |
Fumio Kishida | Justin Trudeau | Stephen Harper | Anthony Albanese | Scott Morrison | Jacinda Ardern | John Key |
Jair Bolsonaro | Luiz Inacio Lula da Silva | Lula | Nicolas Maduro | Hugo Chavez | Andres Manuel Lopez Obrador | Javier Milei |
Cyril Ramaphosa | Jacob Zuma | Nelson Mandela | Muhammadu Buhari | Bola Tinubu | William Ruto | Paul Kagame | Abiy Ahmed |
Aleksandar Vucic | Kassym-Jomart Tokayev | Nursultan Nazarbayev | Ilham Aliyev | Nikol Pashinyan | Maia Sandu |
Alexei Navalny | Yevgeny Prigozhin | Ramzan Kadyrov | Mikhail Gorbachev | Boris Yeltsin | Saddam Hussein | Muammar Gaddafi |
Osama bin Laden | Ayman al-Zawahiri | Abu Bakr al-Baghdadi | Haider al-Abadi | Nouri al-Maliki | Mustafa al-Kadhimi |
Pope Francis | Pope Benedict | King Charles | Queen Elizabeth | Prince William | Prince Harry
`;

/** Central banks, treasuries and the public banks of development, named as news names them. */
export const CENTRAL_BANKS = `
Fed | Federal Reserve Board | Federal Open Market Committee | FOMC | Treasury | U.S. Treasury | US Treasury | HM Treasury |
Banque de France | Bank of France | Bank of Italy | Banca d'Italia | Bank of Spain | Banco de Espana | Swiss National Bank |
De Nederlandsche Bank | Dutch central bank | Riksbank | Norges Bank | Danmarks Nationalbank | Bank of Finland |
National Bank of Poland | Czech National Bank | National Bank of Hungary | Bank of Russia | Central Bank of Russia |
Reserve Bank of Australia | Reserve Bank of New Zealand | Bank of Canada | Bank of Korea | Bank of Thailand | Bank Indonesia |
Bank Negara Malaysia | Monetary Authority of Singapore | Hong Kong Monetary Authority | State Bank of Pakistan |
Central Bank of Brazil | Banco de Mexico | Bank of Mexico | Bank of Israel | Central Bank of Nigeria | South African Reserve Bank |
Central Bank of Turkey | Bank for International Settlements | European Investment Bank | Asian Development Bank |
African Development Bank | Inter-American Development Bank | European Bank for Reconstruction and Development | EBRD |
Finance Ministry | Ministry of Finance | Economy Ministry | Treasury Department
`;

/** Stock, futures and commodity exchanges. */
export const EXCHANGES = `
New York Stock Exchange | NYSE | American Stock Exchange | Nasdaq Stock Market | Chicago Board of Trade | CBOT |
Chicago Mercantile Exchange | Chicago Board Options Exchange | New York Mercantile Exchange | Nymex | Comex |
London Metal Exchange | London International Financial Futures Exchange | LIFFE | Tokyo Stock Exchange |
Osaka Securities Exchange | Hong Kong Stock Exchange | Shanghai Stock Exchange | Shenzhen Stock Exchange |
Bombay Stock Exchange | National Stock Exchange of India | Frankfurt Stock Exchange | Deutsche Boerse | Deutsche Börse |
Euronext | Paris Bourse | Madrid Stock Exchange | Milan Stock Exchange | Borsa Italiana | SIX Swiss Exchange |
Johannesburg Stock Exchange | Australian Securities Exchange | Australian Stock Exchange | Toronto Stock Exchange |
Singapore Exchange | Korea Exchange | Taiwan Stock Exchange | Moscow Exchange | Warsaw Stock Exchange |
Istanbul Stock Exchange | Tel Aviv Stock Exchange | Cboe | Wall Street Journal Europe
`;

/** Newspapers, magazines, broadcasters and news agencies beyond the best known (OUTLETS). */
export const MORE_OUTLETS = `
Gazzetta dello Sport | La Gazzetta dello Sport | Corriere dello Sport | Tuttosport | L'Equipe | Marca | Kicker | Le Parisien |
Liberation | Le Soir | La Libre Belgique | De Standaard | De Telegraaf | NRC Handelsblad | De Volkskrant | Handelsblatt |
Sueddeutsche Zeitung | Süddeutsche Zeitung | Die Welt | Frankfurter Rundschau | Die Presse | Der Standard |
Neue Zuercher Zeitung | Neue Zürcher Zeitung | La Stampa | Il Messaggero | Il Sole 24 Ore | El Mundo | La Vanguardia |
Kathimerini | Hurriyet | Milliyet | Cumhuriyet | Rzeczpospolita | Gazeta Wyborcza | Dagens Nyheter | Svenska Dagbladet |
Aftenposten | Helsingin Sanomat | Politiken | Irish Times | Irish Independent | The Scotsman | Evening Standard |
Daily Express | Daily Star | The Observer | Sunday Telegraph | The Sunday Telegraph | News of the World | Mail on Sunday |
Sunday Express | Sunday Mirror | Asahi Shimbun | Yomiuri Shimbun | Mainichi Shimbun | Nihon Keizai Shimbun | Japan Times |
People's Daily | China Daily | Global Times | Korea Herald | Korea Times | JoongAng Ilbo | Chosun Ilbo | Straits Times |
Bangkok Post | Jakarta Post | Kompas | Republika | Media Indonesia | Philippine Daily Inquirer | Manila Bulletin | Dawn |
Times of India | Hindustan Times | The Hindu | Indian Express | Economic Times | Gulf News | Khaleej Times | Al-Ahram |
Al Ahram | Al-Hayat | Asharq Al-Awsat | Jerusalem Post | Yedioth Ahronoth | Maariv | Sydney Morning Herald | The Age |
The Australian | New Zealand Herald | Globe and Mail | Toronto Star | National Post | Le Devoir | La Presse | Clarin |
La Nacion | O Globo | Folha de S.Paulo | El Universal | Granma | Prensa Latina | Notimex | Australian Associated Press | AAP |
Jiji Press | Central News Agency | Antara | Bernama | IRNA | ITAR-TASS | Tanjug | UNIAN | Ukrinform | BelTA | KCNA |
Korean Central News Agency | SANA | MENA | Middle East News Agency | Saudi Press Agency | WAM | Petra | IANS |
Associated Press of Pakistan | Vietnam News Agency | Boston Globe | Miami Herald | San Francisco Chronicle | Houston Chronicle |
Dallas Morning News | Philadelphia Inquirer | Detroit Free Press | Baltimore Sun | Chicago Sun-Times | New York Post |
New York Daily News | Newsday | Star Tribune | Seattle Times | Denver Post | Atlanta Journal-Constitution | Arizona Republic |
Sports Illustrated | Sporting News | ESPN | Variety | Billboard | Rolling Stone | Paris Match | Stern | Der Tagesspiegel |
Jeune Afrique | Asia Times | Far Eastern Economic Review | Caixin | Interfax-Ukraine | Agence Europe
`;

/** Clubs and teams well known by a name that is not a town's alone. */
export const TEAMS = `
Real Madrid | Atletico Madrid | Deportivo Coruna | Deportivo La Coruna | Athletic Bilbao | Real Sociedad | Espanyol |
Real Betis | Juventus | Inter Milan | Internazionale | AC Milan | Lazio | Napoli | Fiorentina | Atalanta | Sampdoria | Udinese |
Bayern Munich | Borussia Dortmund | Borussia Moenchengladbach | Borussia Mönchengladbach | Schalke | Schalke 04 |
Werder Bremen | Hamburg SV | Bayer Leverkusen | VfB Stuttgart | Eintracht Frankfurt | Hertha Berlin | Paris St Germain |
Paris Saint-Germain | Olympique Marseille | Olympique Lyonnais | AS Monaco | Ajax | Ajax Amsterdam | PSV Eindhoven | Feyenoord |
Anderlecht | Club Brugge | Standard Liege | Benfica | Sporting Lisbon | Galatasaray | Fenerbahce | Besiktas | Celtic |
Manchester United | Manchester City | Arsenal | Tottenham | Tottenham Hotspur | Aston Villa | Everton | Newcastle United |
Leeds United | West Ham | West Ham United | Nottingham Forest | Sheffield Wednesday | Blackburn Rovers | Queens Park Rangers |
Red Star Belgrade | Partizan Belgrade | Dynamo Kiev | Dynamo Kyiv | Spartak Moscow | CSKA Moscow | Dynamo Moscow |
Lokomotiv Moscow | Zenit St Petersburg | Boca Juniors | River Plate | Flamengo | Corinthians | Palmeiras | Yankees | Red Sox |
White Sox | Dodgers | Mets | Orioles | Blue Jays | Padres | Expos | Astros | Mariners | Phillies | Lakers | Celtics | Knicks |
Pistons | 76ers | 49ers | Steelers | Packers | Broncos | Seahawks | Buccaneers | All Blacks | Wallabies | Springboks
`;
