/**
 * Well-known names a news reader meets every day, typed: news agencies and outlets, international bodies,
 * big companies and platforms, armed groups, and regions that no country or city list covers. Hand-written
 * general knowledge (not taken from any evaluation article); "|"-separated so multi-word names fit.
 */

/** News agencies and outlets (organizations). */
export const KNOWN_MEDIA = `Reuters|AP|AFP|Bloomberg|BBC|CNN|NPR|PBS|ABC|NBC|CBS|Fox News|MSNBC|Interfax|Xinhua|TASS|RIA Novosti|
Al Jazeera|Kyodo|Yonhap|ANSA|EFE|DPA|UPI|Associated Press|Agence France-Presse|Agence France Presse|Dow Jones|Axios|Politico|
Vox|BuzzFeed|HuffPost|Guardian|The Guardian|New York Times|Washington Post|Wall Street Journal|Financial Times|The Economist|
Economist|Forbes|Fortune|Time|Newsweek|Bloomberg News|Sky News|ITV|Channel 4|Deutsche Welle|DW|France 24|RFI|Euronews|
CNBC|ProPublica|The Atlantic|New Yorker|Der Spiegel|Le Monde|El País|Haaretz|Times of India|Hindustan Times|Dawn|
Al Arabiya|Anadolu|Kyiv Independent|Ukrinform|Sputnik|RT|CCTV|Global Times|South China Morning Post|Nikkei|Asahi|
Yomiuri|Le Figaro|Bild|Corriere della Sera|La Repubblica|The Telegraph|Daily Mail|The Sun|Mirror|Independent|USA Today|
Los Angeles Times|Chicago Tribune|Boston Globe|TechCrunch|The Verge|Wired|CNET|Engadget|Gizmodo|Mashable|
Variety|Billboard|Rolling Stone|Vice|Slate|Salon|The Hill|Fox|Sky|ESPN`;

/** International bodies, governments' institutions, NGOs (organizations). */
export const KNOWN_INSTITUTIONS = `United Nations|UN|U.N.|NATO|EU|E.U.|European Union|European Commission|European Parliament|
European Central Bank|ECB|WHO|World Health Organization|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|
OPEC|ASEAN|African Union|AU|ECOWAS|Arab League|G7|G20|BRICS|Red Cross|ICRC|Red Crescent|UNICEF|UNHCR|UNESCO|UNRWA|
Amnesty International|Human Rights Watch|Greenpeace|Interpol|Europol|ICC|ICJ|International Criminal Court|
International Court of Justice|Security Council|General Assembly|Parliament|House of Representatives|House of Commons|House of Lords|Congress|Senate|Pentagon|Kremlin|FBI|CIA|NSA|NASA|
ESA|FDA|CDC|EPA|FAA|SEC|FTC|FCC|IRS|DHS|ICE|DOJ|Supreme Court|Federal Reserve|Bundestag|Knesset|Duma|Politburo|
Downing Street|Scotland Yard|MI5|MI6|Mossad|KGB|FSB|GRU|NHS|OECD|OSCE|IAEA|Médecins Sans Frontières|MSF|Oxfam|
Doctors Without Borders|Hamas|Hezbollah|Taliban|Al-Qaeda|al-Qaeda|Al Qaeda|al Qaeda|ISIS|ISIL|Islamic State|Daesh|
Boko Haram|al-Shabab|Al-Shabaab|al-Shabaab|Wagner|Wagner Group|PKK|IRA|ETA|FARC|Labour|ANC|BJP|
Congress Party|Tories|Liberal Democrats|Lib Dems|SNP|Plaid Cymru|Reform UK|Lords|Commons|Democratic Party|Republican Party|Labour Party|Conservative Party|Sinn Féin|Fatah|PLO|
Muslim Brotherhood|Houthis|Hayat Tahrir al-Sham|HTS|AFL-CIO|NFL|NBA|MLB|NHL|FIFA|UEFA|IOC`;

/** Companies and platforms (organizations). */
export const KNOWN_COMPANIES = `Facebook|Google|Alphabet|Apple|Amazon|Microsoft|Twitter|Instagram|WhatsApp|YouTube|TikTok|Snapchat|
Snap|LinkedIn|Uber|Lyft|Airbnb|Netflix|Tesla|SpaceX|Meta|Nvidia|Intel|IBM|Samsung|Huawei|Sony|Toyota|Boeing|Airbus|Walmart|
Pfizer|Moderna|AstraZeneca|OpenAI|Anthropic|Reddit|Spotify|PayPal|eBay|Oracle|Yahoo|Baidu|Alibaba|Tencent|ByteDance|
Telegram|Nike|Disney|Coca-Cola|PepsiCo|ExxonMobil|Exxon|Chevron|Shell|BP|Gazprom|Rosneft|Aramco|Goldman Sachs|JPMorgan|
JPMorgan Chase|Citigroup|HSBC|Barclays|Deutsche Bank|Volkswagen|BMW|Mercedes-Benz|Ford|General Motors|Honda|Nissan|
Hyundai|Siemens|Nestlé|Unilever|Starbucks|McDonald's|Visa|Mastercard|Verizon|AT&T|Comcast|Qualcomm|AMD|Dell|HP|Lenovo|
Xiaomi|Foxconn|TSMC|Zoom|Slack|Salesforce|Adobe|Wikipedia|Pinterest|Tumblr|Flickr|Vimeo|Twitch|Discord|Signal|WeChat|
Weibo|Deloitte|KPMG|PwC|McKinsey|Accenture|Blackrock|BlackRock|Vanguard|Berkshire Hathaway|Costco|Target|
Home Depot|FedEx|UPS|DHL|Lufthansa|Ryanair|Emirates|Qatar Airways|Delta|Delta Air Lines|American Airlines|
United Airlines|Southwest Airlines|Whole Foods|Whole Foods Market|General Mills|General Electric|General Dynamics|Morgan Stanley|Credit Suisse|UBS|BNP Paribas|Wells Fargo|Bank of America|Citi|
Nomura|Mizuho|Santander|Société Générale|Allianz|AXA|Lloyds|NatWest|Standard Chartered|Moody's|Fitch|S&P|Nasdaq|NYSE|
Con Edison|ConEd|ComEd|PG&E|Pacific Gas and Electric|Southern California Edison|Commonwealth Edison|Duke Energy|
Dominion Energy|Xcel Energy|Entergy|Exelon|Eversource|National Grid|Ameren|Pepco|NextEra|NextEra Energy|Florida Power & Light|
Southern Company|Georgia Power|PacifiCorp|Consolidated Edison`;

/** Regions, continents, seas and sub-national areas missing from the country and city lists (places). */
export const KNOWN_PLACES = `Africa|Europe|Asia|Oceania|Antarctica|Arctic|Antarctic|Americas|North America|South America|
Latin America|Central America|Middle East|Near East|Far East|East Asia|Southeast Asia|South Asia|Central Asia|West Africa|
East Africa|North Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Horn of Africa|Sahel|Sahara|Maghreb|
Scandinavia|Balkans|Caucasus|Caribbean|Mediterranean|Pacific|Atlantic|Indian Ocean|Persian Gulf|Red Sea|Black Sea|
South China Sea|Baltics|Kashmir|Jammu and Kashmir|Gaza|Gaza Strip|West Bank|Golan Heights|Crimea|Donbas|Donbass|
Tibet|Xinjiang|Darfur|Kurdistan|Catalonia|Scotland|Wales|England|Northern Ireland|Britain|Great Britain|Siberia|Sinai|
Punjab|Bengal|Balochistan|Patagonia|Himalayas|Alps|Andes|Silicon Valley|Capitol Hill|Brooklyn|Queens|Bronx|Manhattan|
Staten Island|Hollywood|Washington|Washington D.C.|Washington, D.C.|Hong Kong|Macau|Taiwan|Europe|Eurasia|Levant|
Mesopotamia|Anatolia|Bavaria|Quebec|Ontario|British Columbia|Alberta|Tasmania|Queensland|New South Wales|Victoria|
Flanders|Wallonia|Lombardy|Tuscany|Sicily|Sardinia|Corsica|Normandy|Brittany|Provence|Andalusia|Basque Country|
Galicia|Transnistria|Abkhazia|Ossetia|Nagorno-Karabakh|Chechnya|Dagestan|Kosovo|Somaliland|Puntland|Tigray|Oromia|
Amhara|Cabo Delgado|Borno|Idlib|Aleppo|Raqqa|Mosul|Kandahar|Helmand|Waziristan|Khyber Pakhtunkhwa|Sindh|Gujarat|
Kerala|Tamil Nadu|Maharashtra|Uttar Pradesh|Bihar|Assam|Manipur|Ladakh|Hokkaido|Okinawa|Mindanao|Java|Sumatra|Bali|
Borneo|Papua|Aceh|Zanzibar|Darjeeling|Greenland|Iceland|Midwest|New England|Carolinas|Dakotas|Balkans|Baltics|Caucasus|Appalachia|Rust Belt|Bible Belt|Deep South|
Geneva|Cologne|Kiev|Antwerp|Venice|Nuremberg|Gothenburg|Bangalore|Odesa|Odessa|Frankfurt|Davos|Cape Canaveral|The Hague|
Annapolis|Montpelier|Augusta|Harrisburg|Olympia|Juneau|Frankfort|Wall Street|Fleet Street|Whitehall|Westminster`;

/** All-caps abbreviations of places ("US", "UK"); everything else all-caps defaults to an organization. */
export const KNOWN_PLACE_ACRONYMS = `US|U.S.|USA|U.S.A.|UK|U.K.|UAE|U.A.E.|DRC|DC|D.C.|PRC|ROK|DPRK|NYC|LA|KSA`;

/**
 * Given names missing from the English first-name lists but common in world news (heads of state, frequent
 * African, Arab, South Asian, Slavic, Latin and East Asian names). Only a weak person cue.
 */
export const EXTRA_GIVEN_NAMES = `Donald Barack Joe Kamala Vladimir Volodymyr Emmanuel Olaf Rishi Narendra Recep Benjamin Imran Mohammed
Muhammad Mohamed Mohammad Mohamad Ahmed Ahmad Ali Abdul Abdullah Abdoulaye Amadou Ibrahim Ibrahima Moussa Mamadou Omar Hassan
Hussein Khalid Youssef Yusuf Mustafa Samir Karim Tariq Faisal Hamid Rashid Jamal Ismail Salman Raúl Raul José Jose Juan Carlos
Luis Jorge Pedro Miguel Andrés Alejandro Javier Diego Sergio Pablo Francisco João Luiz Jair Sergei Sergey Dmitry Dmitri Alexei
Alexey Andrei Mikhail Yuri Igor Oleg Nikolai Viktor Olena Yulia Ursula Jens Giorgia Matteo Giuseppe Silvio Shinzo Fumio
Rahul Amit Arvind Nawaz Shehbaz Bilawal Benazir Tayyip Ekrem Hakan Mehmet Ahmet Nicolás Evo Gustavo Cyril Thabo Jomo Uhuru
Raila Yoweri Abiy Bola Muhammadu Goodluck Olusegun Emmerson Jacques François Marine Olivier Benoît Jean-Luc Jean-Claude
Jean-Pierre Klaus Wolfgang Friedrich Annalena Keir Jacinda Chrystia Xavier Fidel Raúl Hugo Dilma Lula Javier Fatima Aisha
Ayesha Leila Layla Yasmin Zainab Amina Nadia Rania Noor Priya Sunita Anil Sanjay Rajesh Vijay Suresh Ravi Arun Deepak Manoj
Shinji Hiroshi Takeshi Kenji Yuki Haruki Jae-in Suk-yeol Jong-un Moon Yoon Keqiang Jinping Qiang Wei Lei Ming Hui Jun Hao
Aung Thein Mahathir Anwar Joko Prabowo Rodrigo Ferdinand Nguyen Thi Van Kwame Kofi Nana Akufo Uhuru Samia Salva Riek Yahya
Sani Aliyu Bashir Omar Idriss Mahamat Assimi Ibrahim Abdourahamane Faure Paul Alassane Macky Bassirou Ousmane Felix Félix
Denis Teodoro Ismaïl Abdel Fattah Kais Tebboune Abdelmadjid Mohammed Bashar Hafez Saddam Nouri Haider Mustafa Masoud Nechirvan
Hassan Ebrahim Ali Mahmoud Naftali Yair Isaac Benny Gideon Itamar Bezalel Yahya Ismail Khaled Marwan Saeb Nabil
Oprah Ivanka Melania Tiffany Jared Kellyanne Rudy Mitt Nancy Lael Janet Jerome Alexandria Kyrsten Ketanji`;

/** The female given names of EXTRA_GIVEN_NAMES: they tell honorific and pronoun checks a gender. */
export const EXTRA_FEMALE_GIVEN_NAMES = `Kamala Olena Yulia Ursula Giorgia Marine Annalena Jacinda Chrystia Dilma Fatima Aisha Ayesha Leila
Layla Yasmin Zainab Amina Nadia Rania Noor Priya Sunita Samia Benazir Oprah Ivanka Melania Tiffany Kellyanne Nancy Lael Janet
Alexandria Kyrsten Ketanji`;

/**
 * Surnames (and a few full names) of people the news names without a first name: heads of state and
 * government, and a few other figures. A person cue for a lone capitalized word ("Modi's visit").
 */
export const KNOWN_PEOPLE = `Trump|Biden|Obama|Clinton|Bush|Reagan|Carter|Nixon|Kennedy|Harris|Pence|Vance|Pelosi|McConnell|Schumer|
Putin|Medvedev|Lavrov|Zelensky|Zelenskyy|Xi|Modi|Merkel|Scholz|Macron|Sarkozy|Hollande|Le Pen|Johnson|Sunak|Starmer|Truss|
Cameron|Blair|Thatcher|Trudeau|Meloni|Berlusconi|Draghi|Sánchez|Orbán|Orban|Erdogan|Erdoğan|Netanyahu|Abbas|Khamenei|
Rouhani|Raisi|Assad|Sisi|Gaddafi|Saddam|Mubarak|Kim|Abe|Kishida|Duterte|Marcos|Widodo|Jokowi|Lula|Bolsonaro|Milei|Maduro|
Chávez|Castro|Mandela|Zuma|Ramaphosa|Mugabe|Museveni|Kagame|Kenyatta|Ruto|Buhari|Tinubu|Ahmed|Guterres|Stoltenberg|
von der Leyen|Musk|Zuckerberg|Bezos|Pichai|Nadella|Altman|Buffett|Pope Francis|Francis|Benedict|Dalai Lama|
Khan|Sharif|Bhutto|Ghani|Karzai|Mirziyoyev|Tokayev|Lukashenko|Aliyev|Pashinyan|Navalny|Prigozhin|Shoigu|Gerasimov|Peskov`;

/** News spellings of countries that the country data lacks, with the country's canonical name. */
export const COUNTRY_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['U.S.', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['Russia', 'Russia'],
  ['South Korea', 'South Korea'],
  ['North Korea', 'North Korea'],
  ['Ivory Coast', 'Ivory Coast'],
  ['Congo', 'DR Congo'],
  ['Czech Republic', 'Czechia'],
  ['Burma', 'Myanmar'],
  ['Holland', 'Netherlands'],
  ['UAE', 'United Arab Emirates'],
  ['Palestine', 'Palestine'],
  ['Vatican', 'Vatican City'],
  ['Turkey', 'Türkiye'],
  ['Bosnia', 'Bosnia and Herzegovina'],
  ['Republic of Congo', 'Republic of the Congo'],
];

/** Demonyms and peoples the demonym data lacks (lowercase keys, plurals listed). */
export const EXTRA_DEMONYMS = `indigenous saudi saudis emirati emiratis african africans european europeans asian asians arab arabs
latino latinos latina hispanic hispanics caribbean westerner westerners kurd kurds kurdish palestinian palestinians scot scots
scottish welsh irish english sahelian basque catalan tibetan uighur uyghur uighurs uyghurs rohingya pashtun baloch tamil tamils
zulu hutu tutsi yoruba igbo hausa fulani tuareg berber amazigh bedouin druze maori aboriginal native swede swedes dane danes
briton britons brit brits`;
