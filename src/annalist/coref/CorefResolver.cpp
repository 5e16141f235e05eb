#include "annalist/coref/CorefResolver.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "annalist/core/Utf8.h"

namespace annalist::coref {

namespace {

using WordSet = std::unordered_set<std::string_view>;

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (x == w) return true;
  return false;
}

enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter };
enum class Number : uint8_t { kUnknown, kSingular, kPlural };
enum class Kind : uint8_t { kName, kNominal, kPronoun, kCommon };

// ---- word lists (annalist's own) -------------------------------------------------------------

bool isMaleFirstName(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{
        "john",      "james",    "robert",   "michael", "william",  "david",    "richard",
        "joseph",    "thomas",   "charles",  "donald",  "george",   "barack",   "bill",
        "joe",       "mike",     "paul",     "mark",    "peter",    "jeb",      "ted",
        "marco",     "bernie",   "chris",    "rand",    "ben",      "newt",     "mitt",
        "tim",       "jim",      "tom",      "bob",     "steve",    "stephen",  "kevin",
        "brian",     "jeff",     "jeffrey",  "scott",   "eric",     "andrew",   "daniel",
        "matthew",   "anthony",  "edward",   "henry",   "frank",    "jack",     "harry",
        "vladimir",  "xi",       "emmanuel", "boris",   "recep",    "benjamin", "mohammad",
        "mohammed",  "muhammad", "ali",      "hassan",  "hossein",  "hussein",  "saleh",
        "kamal",     "javad",    "mahmoud",  "ahmad",   "ahmed",    "abbas",    "ismail",
        "khaled",    "omar",     "yahya",    "saeed",   "abdullah", "salman",   "bashar",
        "ayatollah", "sheikh",   "lord",     "king",    "prince",   "nicolas",  "angela",
        "justin",    "narendra", "shinzo",   "moon",    "kim",      "lindsey",  "mitch",
        "chuck",     "harry",    "lou",      "al",      "carl",     "gary",     "larry",
        "dennis",    "martin",   "jerry",    "rick",    "ron",      "ronald",   "gerald",
        "jimmy",     "dick",     "colin",    "ashton",  "ash",      "rex",      "sean",
        "reince",    "corey",    "jared",    "roger",   "dinesh"};
    return k.count(x) != 0;
  }(w);
}
bool isFemaleFirstName(std::string_view w) {
  return in(
      w, {"mary",    "hillary",     "elizabeth", "sarah",     "nancy",    "carly",     "angela",
          "theresa", "michelle",    "laura",     "susan",     "karen",    "lisa",      "jennifer",
          "jessica", "emily",       "anna",      "maria",     "ann",      "anne",      "jane",
          "kate",    "catherine",   "margaret",  "barbara",   "patricia", "linda",     "helen",
          "ruth",    "sandra",      "donna",     "carol",     "sharon",   "kellyanne", "ivanka",
          "melania", "chelsea",     "huma",      "elizabeth", "marine",   "ursula",    "jacinda",
          "fatima",  "zainab",      "maryam",    "aisha",     "leila",    "debbie",    "wendy",
          "nikki",   "condoleezza", "madeleine", "samantha",  "loretta",  "kamala",    "amy",
          "kirsten", "tulsi",       "maxine",    "dianne",    "diane",    "megyn",     "haley",
          "hope",    "sheryl",      "janet",     "golda",     "indira",   "benazir",   "queen"});
}
bool isTitle(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"mr.",      "mrs.",     "ms.",       "dr.",   "sen.",      "rep.",
                           "gov.",     "gen.",     "lt.",       "col.",  "president", "senator",
                           "governor", "minister", "secretary", "judge", "justice",   "ambassador",
                           "general",  "sheikh",   "ayatollah", "king",  "queen",     "prince",
                           "princess", "pope",     "rev.",      "mayor", "chairman",  "speaker",
                           "sir",      "lord",     "lady",      "prof.", "professor", "mr",
                           "mrs",      "ms",       "dr"};
    return k.count(x) != 0;
  }(w);
}
bool isFemaleTitle(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"mrs.", "ms.", "mrs", "ms", "queen", "princess", "lady"};
    return k.count(x) != 0;
  }(w);
}
bool isOrgWord(std::string_view w) {
  return in(
      w,
      {"council",     "party",          "ministry",    "movement",   "organization", "organisation",
       "committee",   "association",    "university",  "institute",  "agency",       "bank",
       "corporation", "inc.",           "corp.",       "co.",        "company",      "court",
       "congress",    "senate",         "house",       "department", "office",       "union",
       "front",       "army",           "forces",      "group",      "news",         "times",
       "post",        "network",        "foundation",  "commission", "assembly",     "parliament",
       "government",  "administration", "guard",       "guards",     "brigade",      "brigades",
       "hamas",       "hezbollah",      "fatah",       "taliban",    "nato",         "police",
       "campaign",    "center",         "centre",      "school",     "college",      "church",
       "club",        "board",          "authority",   "service",    "press",        "reuters",
       "cnn",         "journal",        "magazine",    "television", "radio",        "fund",
       "bureau",      "cabinet",        "secretariat", "league"});
}
// Demonym / country word -> a country key used for nationality agreement.
std::string_view countryKey(std::string_view w) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"iran", "iran"},
      {"iranian", "iran"},
      {"iranians", "iran"},
      {"palestine", "palestine"},
      {"palestinian", "palestine"},
      {"palestinians", "palestine"},
      {"gaza", "palestine"},
      {"israel", "israel"},
      {"israeli", "israel"},
      {"israelis", "israel"},
      {"america", "usa"},
      {"american", "usa"},
      {"americans", "usa"},
      {"u.s.", "usa"},
      {"us", "usa"},
      {"usa", "usa"},
      {"united", ""},
      {"russia", "russia"},
      {"russian", "russia"},
      {"china", "china"},
      {"chinese", "china"},
      {"syria", "syria"},
      {"syrian", "syria"},
      {"iraq", "iraq"},
      {"iraqi", "iraq"},
      {"lebanon", "lebanon"},
      {"lebanese", "lebanon"},
      {"egypt", "egypt"},
      {"egyptian", "egypt"},
      {"turkey", "turkey"},
      {"turkish", "turkey"},
      {"saudi", "saudi"},
      {"jordan", "jordan"},
      {"jordanian", "jordan"},
      {"qatar", "qatar"},
      {"qatari", "qatar"},
      {"britain", "uk"},
      {"british", "uk"},
      {"france", "france"},
      {"french", "france"},
      {"germany", "germany"},
      {"german", "germany"},
      {"yemen", "yemen"},
      {"yemeni", "yemen"},
      {"afghanistan", "afghanistan"},
      {"afghan", "afghanistan"},
      {"pakistan", "pakistan"},
      {"pakistani", "pakistan"},
      {"india", "india"},
      {"indian", "india"},
      {"japan", "japan"},
      {"japanese", "japan"},
      {"ukraine", "ukraine"},
      {"ukrainian", "ukraine"},
      {"mexico", "mexico"},
      {"mexican", "mexico"},
      {"canada", "canada"},
      {"canadian", "canada"},
      {"cuba", "cuba"},
      {"cuban", "cuba"},
      {"korea", "korea"},
      {"korean", "korea"},
      {"libya", "libya"},
      {"libyan", "libya"},
      {"europe", "eu"},
      {"european", "eu"},
  };
  static const std::unordered_map<std::string_view, std::string_view> kIndex(std::begin(kMap),
                                                                             std::end(kMap));
  auto it = kIndex.find(w);
  return it == kIndex.end() ? std::string_view() : it->second;
}
bool isPlace(std::string_view w) {
  const auto key = countryKey(w);
  if (!key.empty() && ![](std::string_view x) {
        static const WordSet k{"iranian",      "palestinian", "israeli",  "american",  "russian",
                               "chinese",      "syrian",      "iraqi",    "lebanese",  "egyptian",
                               "turkish",      "jordanian",   "qatari",   "british",   "french",
                               "german",       "yemeni",      "afghan",   "pakistani", "indian",
                               "japanese",     "ukrainian",   "mexican",  "canadian",  "cuban",
                               "korean",       "libyan",      "european", "saudi",     "iranians",
                               "palestinians", "israelis",    "americans"};
        return k.count(x) != 0;
      }(w)) {
    return true;
  }
  return in(
      w, {"washington", "london",   "paris",     "moscow",   "beijing",  "tehran",     "jerusalem",
          "damascus",   "baghdad",  "beirut",    "cairo",    "ankara",   "riyadh",     "doha",
          "kabul",      "berlin",   "tokyo",     "new",      "york",     "california", "texas",
          "florida",    "iowa",     "ohio",      "virginia", "carolina", "hampshire",  "nevada",
          "strip",      "bank",     "city",      "west",     "east",     "north",      "south",
          "qods",       "quds",     "bahrain",   "manama",   "kuwait",   "oman",       "dubai",
          "emirates",   "brussels", "geneva",    "vienna",   "region",   "island",     "county",
          "state",      "river",    "mountains", "sea",      "ocean",    "province"});
}
bool isDemonym(std::string_view w) {
  const auto key = countryKey(w);
  return !key.empty() && !isPlace(w);
}

struct RoleInfo {
  Gender gender = Gender::kUnknown;
  Number number = Number::kSingular;
  std::string_view type = "PER";
};
// Role / person nouns and group nouns that head nominal mentions.
bool roleNoun(std::string_view w, RoleInfo& r) {
  r = RoleInfo{};
  if ([](std::string_view x) {
        static const WordSet k{
            "official",    "minister",   "president",   "spokesperson",   "head",
            "leader",      "chief",      "deputy",      "chair",          "secretary",
            "senator",     "governor",   "ambassador",  "diplomat",       "envoy",
            "candidate",   "nominee",    "lawmaker",    "representative", "mayor",
            "general",     "commander",  "director",    "executive",      "founder",
            "analyst",     "professor",  "author",      "writer",         "poet",
            "negotiator",  "activist",   "billionaire", "doctor",         "judge",
            "lawyer",      "attorney",   "officer",     "soldier",        "journalist",
            "reporter",    "columnist",  "coach",       "student",        "teacher",
            "pope",        "cleric",     "ayatollah",   "premier",        "strategist",
            "adviser",     "advisor",    "aide",        "frontrunner",    "front-runner",
            "contender",   "challenger", "incumbent",   "politician",     "economist",
            "scientist",   "researcher", "expert",      "veteran",        "emperor",
            "artist",      "player",     "democrat",    "republican",     "speaker",
            "host",        "anchor",     "ceo",         "minister",       "militant",
            "commentator", "critic",     "rival",       "opponent",       "successor",
            "predecessor"};
        return k.count(x) != 0;
      }(w)) {
    return true;
  }
  if ([](std::string_view x) {
        static const WordSet k{"man",       "boy",      "father",    "son",         "husband",
                               "brother",   "king",     "prince",    "businessman", "congressman",
                               "spokesman", "chairman", "gentleman", "uncle",       "grandfather",
                               "nephew",    "duke",     "lord",      "sir"};
        return k.count(x) != 0;
      }(w)) {
    r.gender = Gender::kMale;
    return true;
  }
  if ([](std::string_view x) {
        static const WordSet k{
            "woman", "girl",     "mother",        "daughter",      "wife",        "sister",
            "queen", "princess", "businesswoman", "congresswoman", "spokeswoman", "chairwoman",
            "lady",  "aunt",     "grandmother",   "niece",         "duchess"};
        return k.count(x) != 0;
      }(w)) {
    r.gender = Gender::kFemale;
    return true;
  }
  if (in(w,
         {"group",      "movement",  "organization", "organisation", "party",          "company",
          "government", "ministry",  "council",      "agency",       "administration", "committee",
          "campaign",   "firm",      "network",      "newspaper",    "university",     "union",
          "alliance",   "coalition", "regime",       "court",        "parliament",     "militia",
          "army",       "bank"})) {
    r.type = "ORG";
    r.gender = Gender::kNeuter;
    return true;
  }
  if ([](std::string_view x) {
        static const WordSet k{"country",  "nation", "city",     "state",   "region", "capital",
                               "province", "town",   "republic", "kingdom", "village"};
        return k.count(x) != 0;
      }(w)) {
    r.type = "GPE";
    r.gender = Gender::kNeuter;
    return true;
  }
  return false;
}

// The entity type of a common noun heading a phrase ("island" LOC, "team" ORG, "users" PER),
// "" for the rest: places, groups and kinds of people that are no role nouns.
std::string_view commonNounType(std::string_view w) {
  static const WordSet kPlace{
      "island",    "islands",      "sea",           "seas",     "ocean",     "land",
      "room",      "rooms",        "area",          "areas",    "world",     "coast",
      "beach",     "beaches",      "lake",          "river",    "mountain",  "mountains",
      "valley",    "park",         "street",        "streets",  "road",      "square",
      "district",  "neighborhood", "neighbourhood", "downtown", "building",  "buildings",
      "airport",   "station",      "stadium",       "prison",   "classroom", "mainland",
      "continent", "continents",   "peninsula",     "bay",      "harbour",   "harbor",
      "territory", "location",     "desert",        "forest",   "plateau",   "trail",
      "route",     "routes",       "constituency",  "quarter",  "centre",    "center",
      "site"};
  static const WordSet kGroup{"team",  "teams",        "institution",    "institutions", "club",
                              "clubs", "municipality", "municipalities", "band",         "bands"};
  static const WordSet kPeople{
      "people",   "users",    "user",         "fans",      "fan",        "experts",     "readers",
      "owners",   "players",  "participants", "children",  "kids",       "members",     "residents",
      "visitors", "tourists", "workers",      "employees", "victims",    "plaintiffs",  "voters",
      "citizens", "soldiers", "students",     "teachers",  "scientists", "researchers", "locals"};
  if (kPlace.count(w) != 0) return "LOC";
  if (kGroup.count(w) != 0) return "ORG";
  if (kPeople.count(w) != 0) return "PER";
  return {};
}

bool isDeterminer(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"the", "a",     "an",  "this", "that", "his",   "her",
                           "its", "their", "our", "my",   "your", "these", "those"};
    return k.count(x) != 0;
  }(w);
}
bool isFunctionCap(std::string_view w) {
  // Capitalised sentence-initial words that do not start names.
  return in(w,
            {"the",       "a",         "an",       "this",      "that",      "these",    "those",
             "he",        "she",       "it",       "they",      "we",        "i",        "you",
             "in",        "on",        "at",       "for",       "with",      "by",       "from",
             "to",        "of",        "and",      "but",       "or",        "if",       "when",
             "while",     "after",     "before",   "as",        "since",     "although", "though",
             "because",   "so",        "yet",      "there",     "here",      "what",     "who",
             "why",       "how",       "where",    "which",     "his",       "her",      "its",
             "their",     "our",       "my",       "your",      "some",      "many",     "most",
             "all",       "both",      "each",     "every",     "no",        "not",      "also",
             "however",   "meanwhile", "still",    "now",       "then",      "yes",      "no",
             "according", "referring", "speaking", "of",        "despite",   "during",   "under",
             "over",      "about",     "monday",   "tuesday",   "wednesday", "thursday", "friday",
             "saturday",  "sunday",    "january",  "february",  "march",     "april",    "may",
             "june",      "july",      "august",   "september", "october",   "november", "december",
             "mr.",       "mrs.",      "ms.",      "dr."});
}

struct Pron {
  Gender g;
  Number n;
  bool person;  // first/second person
};
bool pronounInfo(std::string_view w, Pron& p) {
  if (in(w, {"he", "him", "his", "himself"})) {
    p = {Gender::kMale, Number::kSingular, false};
  } else if (in(w, {"she", "her", "hers", "herself"})) {
    p = {Gender::kFemale, Number::kSingular, false};
  } else if (in(w, {"it", "its", "itself"})) {
    p = {Gender::kNeuter, Number::kSingular, false};
  } else if (in(w, {"they", "them", "their", "theirs", "themselves"})) {
    p = {Gender::kUnknown, Number::kPlural, false};
  } else if (in(w, {"i", "me", "my", "mine", "myself"})) {
    p = {Gender::kUnknown, Number::kSingular, true};
  } else if (in(w, {"we", "us", "our", "ours", "ourselves"})) {
    p = {Gender::kUnknown, Number::kPlural, true};
  } else if (in(w, {"you", "your", "yours", "yourself"})) {  // kNeuter marks 2nd person
    p = {Gender::kNeuter, Number::kUnknown, true};
  } else {
    return false;
  }
  return true;
}

// ---- the resolver ---------------------------------------------------------------------------

struct M {
  uint32_t tb = 0, te = 0, sent = 0;
  Kind kind = Kind::kName;
  std::string type;  // PER ORG GPE LOC NORP MISC or "" unknown
  Gender gender = Gender::kUnknown;
  Number number = Number::kSingular;
  bool first_person = false;
  std::vector<std::string> words;    // lower-cased tokens (determiner dropped)
  std::string head;                  // lower-cased head (last word)
  std::vector<std::string> nations;  // country keys from modifiers / apposition
  bool subject = false;
  bool speaker_evidence = false;  // subject of a reporting verb: animate
  bool in_quote = false;
  int32_t doc_mention = -1;  // index into doc.mentions when it came from the entity layer
  std::string source;
  uint32_t head_tok = UINT32_MAX;  // common-noun phrases: the head noun's token
  int32_t name_of = -1;            // the maximal phrase around this name mention (index)
  int32_t same_as = -1;            // a name nested in a longer name: the standalone name it repeats
  bool inert = false;  // never merged: an adjective the entity layer tagged ("American", "public")
  bool partitive = false;  // "one of the X", "all of them": headed by the quantifier
  bool coord = false;      // a coordination ("Carrano and Biewener") over its conjuncts
  int32_t clause = -1;     // extraposed "it": the clause mention it anticipates (index)
  bool clausal = false;    // the clause of an extraposed "it" (no head match)
};

class Resolver {
 public:
  explicit Resolver(Document& doc) : doc_(doc) {}
  void run();

 private:
  void prepareTokens();
  void detectMentions();
  void addName(uint32_t b, uint32_t e);
  void addNominal(uint32_t b, uint32_t e, const RoleInfo& r);
  void addPronoun(uint32_t i, const Pron& p);
  void annotateMention(M& m);
  // union-find
  int find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (ms_[static_cast<size_t>(a)].inert || ms_[static_cast<size_t>(b)].inert) return;
    if (a > b) std::swap(a, b);
    parent_[b] = a;  // the earlier mention is the representative
    mergeAttrs(a, b);
  }
  struct CAttr {
    Gender gender = Gender::kUnknown;
    std::string type;
    bool type_from_name = false;
    bool plural = false;
    std::vector<std::string> nations;
    std::vector<std::string> codes;  // actor codes of entity-layer members (dictionary/NER)
    bool has_name = false;
    bool person = false;
  };
  void initAttrs();
  void mergeAttrs(int into, int from);
  // cluster-level attributes
  Gender clusterGender(int c) const;
  std::string clusterType(int c) const;
  bool clusterNumberPlural(int c) const;
  std::vector<std::string> clusterNations(int c) const;
  bool clusterHasName(int c) const;
  bool personEvidence(int c) const;
  bool compatible(int mi, int c) const;

  void passExact();
  void passAppositive();
  void passAcronym();
  void passPartialName();
  void passRoleNominal();
  void passPronoun();
  void passFirstPerson();
  void detectCommonNouns();
  void passCommonHead(bool strict);
  void passPronounToCommon();
  void passApposDeps();

  uint32_t spanHead(uint32_t b, uint32_t e) const;
  // A mention's syntactic head: the head noun of a common-noun phrase, else spanHead.
  uint32_t mentionHead(const M& m) const {
    return m.head_tok != UINT32_MAX ? m.head_tok : spanHead(m.tb, m.te);
  }
  bool coreArgument(const M& m) const;
  bool possessorOver(const M& a, const M& m) const;
  void build();

  bool verbish(uint32_t i) const;
  std::string lowerTok(uint32_t i) const { return lower_[i]; }

  Document& doc_;
  std::vector<std::string> lower_;
  std::vector<bool> cap_, quote_;
  std::vector<uint32_t> sent_of_;
  std::vector<M> ms_;
  std::vector<int> parent_;
  std::vector<CAttr> attrs_;
  std::vector<bool> is_role_, brk_;
  // Word classes of each token (computed once per distinct word form of the document).
  enum : uint8_t {
    kDetW = 1,
    kFuncCapW = 2,
    kTitleW = 4,
    kDemonymW = 8,
    kPronW = 16,
    kCountryW = 32,
    kRoleW = 64,
  };
  std::vector<uint8_t> wc_;
  std::unordered_map<std::string_view, uint8_t> word_class_;
  std::unordered_map<std::string_view, RoleInfo> role_info_;
  std::vector<RoleInfo> roles_;
  std::vector<uint32_t> next_role_;  // first role-noun token at or after i (n when none)
  std::unordered_set<std::string_view> lower_seen_;  // forms written in lower case somewhere
  std::vector<uint8_t> covered_;
  // Mentions [0, n_base_) are names, role nominals and pronouns; [n_base_, size) are common-noun
  // phrases (Kind::kCommon), which the earlier passes never see.
  size_t n_base_ = 0;
  std::vector<std::string> head_lemma_;  // per mention: lower-cased lemma of the head token
};

bool Resolver::verbish(uint32_t i) const {
  if (doc_.has(Document::kTags)) {
    const auto& u = doc_.tokens[i].upos;
    return u == "VERB" || u == "AUX";
  }
  const std::string& w = lower_[i];
  if ([](std::string_view x) {
        static const WordSet k{
            "is",       "are",    "was",         "were",        "has",      "have",     "had",
            "will",     "would",  "can",         "could",       "said",     "says",     "told",
            "added",    "went",   "did",         "does",        "should",   "also",     "may",
            "might",    "must",   "underscored", "highlighted", "referred", "stressed", "noted",
            "believes", "thinks", "wants",       "announced",   "called",   "asked"};
        return k.count(x) != 0;
      }(w)) {
    return true;
  }
  return w.size() > 4 && !cap_[i] && w.compare(w.size() - 2, 2, "ed") == 0;
}

void Resolver::prepareTokens() {
  const size_t n = doc_.tokens.size();
  lower_.resize(n);
  wc_.assign(n, 0);
  is_role_.assign(n, false);
  roles_.assign(n, RoleInfo{});
  brk_.assign(n, false);
  next_role_.assign(n + 1, static_cast<uint32_t>(n));
  cap_.assign(n, false);
  quote_.assign(n, false);
  sent_of_.assign(n, 0);
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s)
    for (uint32_t i = doc_.sentences[s].token_begin; i < doc_.sentences[s].token_end; ++i)
      sent_of_[i] = s;
  bool inq = false;
  uint32_t para = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& norm = doc_.tokens[i].norm;
    std::string& l = lower_[i];
    l = norm;
    for (auto& c : l)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    const std::string_view orig = doc_.tokenText(static_cast<uint32_t>(i));
    size_t k = 0;
    const char32_t c0 = orig.empty() ? 0 : utf8::decode(orig, k);
    bool cap = (c0 >= 'A' && c0 <= 'Z') || (c0 >= 0xC0 && c0 <= 0xDE);
    // "al-Arouri", "bin Salman"-style particles before a capital.
    if (!cap && (l.rfind("al-", 0) == 0 || l.rfind("el-", 0) == 0) && orig.size() > 3) {
      const char c3 = orig[3];
      cap = c3 >= 'A' && c3 <= 'Z';
    }
    cap_[i] = cap;
    if (!cap) lower_seen_.insert(lower_[i]);
    auto memo = word_class_.find(l);
    uint8_t wc;
    if (memo == word_class_.end()) {
      Pron p;
      wc = static_cast<uint8_t>((isDeterminer(l) ? kDetW : 0) | (isFunctionCap(l) ? kFuncCapW : 0) |
                                (isTitle(l) ? kTitleW : 0) | (isDemonym(l) ? kDemonymW : 0) |
                                (pronounInfo(l, p) ? kPronW : 0) |
                                (!countryKey(l).empty() ? kCountryW : 0));
      RoleInfo r;
      if (roleNoun(l, r)) wc |= kRoleW;
      word_class_.emplace(l, wc);
      role_info_.emplace(l, r);
    } else {
      wc = memo->second;
    }
    wc_[i] = wc;
    is_role_[i] = (wc & kRoleW) != 0;
    if (is_role_[i]) roles_[i] = role_info_.find(l)->second;
    // Direct-quote state (straight/curly double quotes), reset at paragraph breaks.
    if (!doc_.sentences.empty()) {
      const uint32_t p = doc_.sentences[sent_of_[i]].paragraph;
      if (p != para) {
        para = p;
        inq = false;
      }
    }
    if (norm == "\"") {
      inq = !inq;
      continue;
    }
    quote_[i] = inq;
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string& x = lower_[i];
    brk_[i] = x == "," || x == "." || x == "\"" || (wc_[i] & kDetW) ||
              verbish(static_cast<uint32_t>(i)) ||
              in(x, {"of", "and", "or", "in", "on", "at", "for", "with", "to", "by", "from"});
  }
  for (size_t i = n; i-- > 0;)
    next_role_[i] = is_role_[i] ? static_cast<uint32_t>(i) : next_role_[i + 1];
}

void Resolver::annotateMention(M& m) {
  m.sent = sent_of_[m.tb];
  m.in_quote = quote_[m.tb];
  m.words.clear();
  for (uint32_t i = m.tb; i < m.te; ++i) {
    if (i == m.tb && (wc_[i] & kDetW)) continue;
    if (doc_.tokens[i].norm == "'s" || doc_.tokens[i].norm == "'") continue;
    m.words.push_back(lower_[i]);
  }
  m.head = m.words.empty() ? lower_[m.te - 1] : m.words.back();
  for (const auto& w : m.words) {
    const auto key = countryKey(w);
    if (!key.empty() && m.kind != Kind::kPronoun && !(m.kind == Kind::kName && m.type == "GPE"))
      m.nations.emplace_back(key);
  }
  // Subject: the dependency parse when present, else "followed by a verb".
  if (doc_.has(Document::kDeps)) {
    for (uint32_t i = m.tb; i < m.te; ++i) {
      const auto& d = doc_.tokens[i].deprel;
      if ((d == "nsubj" || d == "nsubj:pass") &&
          (doc_.tokens[i].head < static_cast<int32_t>(m.tb) ||
           doc_.tokens[i].head >= static_cast<int32_t>(m.te))) {
        m.subject = true;
      }
    }
  } else if (m.te < doc_.tokens.size() && sent_of_[m.te] == m.sent) {
    uint32_t j = m.te;
    if (lower_[j] == "also" && j + 1 < doc_.tokens.size()) ++j;
    m.subject = verbish(j);
  }
  if (m.subject && m.te < doc_.tokens.size()) {
    uint32_t j = m.te;
    while (j < doc_.tokens.size() && j < m.te + 4 && [](std::string_view x) {
      static const WordSet k{"also", "has", "had", "then", "later", "went", "on", "to"};
      return k.count(x) != 0;
    }(lower_[j]))
      ++j;
    if (j < doc_.tokens.size() &&
        in(lower_[j],
           {"said",        "says",     "say",     "told",      "added",  "stated",   "underscored",
            "highlighted", "stressed", "noted",   "explained", "argued", "insisted", "announced",
            "declared",    "asked",    "replied", "believes",  "thinks", "referred", "wrote",
            "tweeted",     "claimed",  "warned",  "urged"})) {
      m.speaker_evidence = true;
    }
  }
}

void Resolver::addName(uint32_t b, uint32_t e) {
  M m;
  m.kind = Kind::kName;
  m.tb = b;
  m.te = e;
  m.source = "name";
  // Type from the name's words and its left context.
  std::string first = lower_[b], last = lower_[e - 1];
  bool org = false, place = true, acronym = false;
  for (uint32_t i = b; i < e; ++i) {
    if (isOrgWord(lower_[i])) org = true;
    if (!isPlace(lower_[i]) && !in(lower_[i], {"of", "the", "and"})) place = false;
  }
  const std::string_view orig = doc_.tokenText(b);
  if (e - b == 1 && orig.size() >= 2 && std::all_of(orig.begin(), orig.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || c == '.';
      })) {
    acronym = true;
  }
  const bool title_before = b > 0 && isTitle(lower_[b - 1]);
  bool gpe_word = false, misc_word = false;
  for (uint32_t i = b; i < e; ++i) {
    if ([](std::string_view x) {
          static const WordSet k{"republic", "kingdom", "emirates",
                                 "states",   "union",   "federation"};
          return k.count(x) != 0;
        }(lower_[i]))
      gpe_word = true;
    if ([](std::string_view x) {
          static const WordSet k{"revolution",   "war",        "day",      "deal",   "century",
                                 "act",          "agreement",  "accord",   "treaty", "plan",
                                 "summit",       "conference", "olympics", "cup",    "islam",
                                 "christianity", "judaism",    "election", "award",  "prize"};
          return k.count(x) != 0;
        }(lower_[i]))
      misc_word = true;
  }
  if (misc_word) {
    m.type = "MISC";
    m.gender = Gender::kNeuter;
  } else if (gpe_word && !org) {
    m.type = "GPE";
  } else if (org || acronym) {
    m.type = "ORG";
  } else if (place) {
    m.type = "GPE";
  } else if (isMaleFirstName(first) || isFemaleFirstName(first) || title_before || isTitle(first)) {
    m.type = "PER";
  } else if (b > 0 && (isOrgWord(lower_[b - 1]) || in(lower_[b - 1], {"movement", "group"}))) {
    m.type = "ORG";  // "resistance movement Hamas"
  } else if (e - b >= 2) {
    m.type = "PER";
  }
  if (m.type == "PER") {
    if (isFemaleFirstName(first) || (b > 0 && isFemaleTitle(lower_[b - 1]))) {
      m.gender = Gender::kFemale;
    } else if (isMaleFirstName(first) || (b > 0 && in(lower_[b - 1], {"mr.", "mr"}))) {
      m.gender = Gender::kMale;
    }
  } else if (!m.type.empty()) {
    m.gender = Gender::kNeuter;
  }
  annotateMention(m);
  if (m.type.empty() && m.speaker_evidence) m.type = "PER";
  ms_.push_back(std::move(m));
}

void Resolver::addNominal(uint32_t b, uint32_t e, const RoleInfo& r) {
  M m;
  m.kind = Kind::kNominal;
  m.tb = b;
  m.te = e;
  m.type = std::string(r.type);
  m.gender = r.gender;
  m.number = r.number;
  m.source = "nominal";
  annotateMention(m);
  // Nationality and affiliation from an "of ..." phrase up to punctuation ("deputy head of
  // Palestinian resistance movement Hamas' political office").
  for (uint32_t i = e; i < doc_.tokens.size() && i < e + 10 && sent_of_[i] == m.sent; ++i) {
    const std::string& w = lower_[i];
    if (w == "," || w == "." || w == ";" || w == "\"" || verbish(i)) break;
    const auto key = countryKey(w);
    if (!key.empty()) m.nations.emplace_back(key);
  }
  ms_.push_back(std::move(m));
}

void Resolver::addPronoun(uint32_t i, const Pron& p) {
  M m;
  m.kind = Kind::kPronoun;
  m.tb = i;
  m.te = i + 1;
  m.gender = p.g;
  m.number = p.n;
  m.first_person = p.person;
  m.type = p.g == Gender::kMale || p.g == Gender::kFemale ? "PER" : "";
  m.source = "pronoun";
  annotateMention(m);
  ms_.push_back(std::move(m));
}

void Resolver::detectMentions() {
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  covered_.assign(n, 0);
  // Entity-layer mentions first.
  for (size_t k = 0; k < doc_.mentions.size(); ++k) {
    const Mention& dm = doc_.mentions[k];
    if (dm.source == "pronoun" || dm.source == "nominal" || dm.source == "name") continue;
    M m;
    m.kind = Kind::kName;
    m.tb = dm.token_begin;
    m.te = dm.token_end;
    m.type = dm.type;
    m.doc_mention = static_cast<int32_t>(k);
    m.source = dm.source;
    if (m.type != "PER") m.gender = Gender::kNeuter;
    if (m.type == "PER" && isFemaleFirstName(lower_[m.tb])) m.gender = Gender::kFemale;
    if (m.type == "PER" && isMaleFirstName(lower_[m.tb])) m.gender = Gender::kMale;
    // A dictionary agent phrase ("the Iranian official", "SCFRI head") is a role nominal for
    // coreference (it keeps its actor code): headed by a role noun, not a proper name.
    if (m.te > m.tb && m.te <= n && is_role_[m.te - 1] &&
        ((wc_[m.tb] & (kDetW | kDemonymW)) || !cap_[m.tb] || dm.source == "agent")) {
      const RoleInfo& r = roles_[m.te - 1];
      m.kind = Kind::kNominal;
      if (m.type.empty() || m.type == "MISC") m.type = std::string(r.type);
      m.gender = r.gender;
      m.number = r.number;
    }
    annotateMention(m);
    if (doc_.has(Document::kTags)) {
      bool adj = true;
      for (uint32_t i = m.tb; i < m.te && i < n && adj; ++i) adj = doc_.tokens[i].upos == "ADJ";
      m.inert = adj;
    }
    if (m.type != "NORP") {
      for (uint32_t i = m.tb; i < m.te && i < n; ++i) covered_[i] = 1;
    }
    ms_.push_back(std::move(m));
  }
  // "SCFRI head", "Hamas deputy": an organisation or place name from the entity layer
  // modifying a person role noun is a person nominal spanning both (nested over the name).
  const size_t layer_mentions = ms_.size();
  for (size_t k = 0; k < layer_mentions; ++k) {
    const M& org = ms_[k];
    if (org.kind != Kind::kName || org.type == "PER" || org.type.empty()) continue;
    uint32_t e = org.te;
    uint32_t role_end = 0;
    RoleInfo role;
    while (e < n && e < org.te + 2 && sent_of_[e] == org.sent && !covered_[e] && is_role_[e] &&
           roles_[e].type == std::string_view("PER") && roles_[e].number == Number::kSingular) {
      role = roles_[e];
      role_end = ++e;
    }
    if (role_end == 0) continue;
    if (role_end < n && sent_of_[role_end] == org.sent && cap_[role_end] &&
        !in(lower_[role_end], {"said", "says"})) {
      continue;  // "Hamas Deputy Leader X": a title before a name
    }
    const uint32_t b = org.tb;
    addNominal(b, role_end, role);
    for (uint32_t x = org.te; x < role_end; ++x) covered_[x] = 1;
  }
  const bool own_names = !doc_.has(Document::kMentions);
  for (const Sentence& s : doc_.sentences) {
    uint32_t i = s.token_begin;
    while (i < s.token_end) {
      const std::string& w = lower_[i];
      Pron p;
      if (!covered_[i] && (wc_[i] & kPronW) && pronounInfo(w, p)) {
        // "us" as a country is a name; "US" written in capitals is not the pronoun.
        if (!(w == "us" && doc_.tokenText(i) == "US")) {
          addPronoun(i, p);
          ++i;
          continue;
        }
      }
      // Nominal: [det] (modifier)* ROLE  or  NAME/ACRONYM ROLE ("SCFRI head").
      {
        uint32_t b = i;
        const bool det = (wc_[i] & kDetW) && ![](std::string_view x) {
          static const WordSet k{"his", "her", "its", "their", "our", "my", "your"};
          return k.count(x) != 0;
        }(w);
        uint32_t j = det ? i + 1 : i;
        uint32_t k = j;
        RoleInfo r;
        uint32_t role_end = 0;
        RoleInfo role;
        // Cheap pre-check: a role noun must occur within the window.
        const uint32_t window_end = std::min(s.token_end, j + 5);
        if (next_role_[j] >= window_end) k = window_end;
        while (k < window_end && !covered_[k]) {
          if (brk_[k]) break;
          r = roles_[k];
          // A role noun tagged as an adjective is not one ("other general", "more general").
          const bool role_tag = !doc_.has(Document::kTags) || doc_.tokens[k].upos == "NOUN" ||
                                doc_.tokens[k].upos == "PROPN";
          if (is_role_[k] && role_tag &&
              !(cap_[k] && k != s.token_begin && k + 1 < s.token_end &&
                (cap_[k + 1] || in(lower_[k + 1], {"on", "of", "for"})) &&
                !in(lower_[k + 1], {"said", "says"}))) {
            role_end = k + 1;
            role = r;
          } else if (role_end > 0) {
            break;
          }
          ++k;
        }
        const auto possessive = [&](uint32_t t) {
          return doc_.tokens[t].norm == "'s" || doc_.tokens[t].norm == "'";
        };
        // After a possessor ("Galois' younger brother") the role noun is part of a possessive
        // phrase, not a role nominal of its own.
        if (role_end > 0 && (possessive(b) || (b > s.token_begin && possessive(b - 1)))) {
          role_end = 0;
        }
        // A place or organisation noun modifying another noun ("the city centre", "the city
        // bus") is not a mention of its own.
        if (role_end > 0 && role.type != std::string_view("PER") && doc_.has(Document::kDeps) &&
            doc_.tokens[role_end - 1].deprel == "compound") {
          role_end = 0;
        }
        if (role_end > 0 && (det || role_end - b >= 2 || (b == s.token_begin))) {
          // Without a determiner the phrase needs a modifier ("SCFRI head", "Iranian
          // official") or to open the sentence ("Officials said").
          if (det || cap_[b] || (wc_[b] & kDemonymW) || role_end - b >= 2) {
            if (role.type == std::string_view("PER") && lower_[role_end - 1].back() == 's' &&
                !in(lower_[role_end - 1], {"boss", "press"})) {
              role.number = Number::kPlural;
            }
            addNominal(b, role_end, role);
            for (uint32_t x = b; x < role_end; ++x) covered_[x] = 1;
            i = role_end;
            continue;
          }
        }
      }
      // Names: capitalised runs (own names only when no entity layer).
      if (own_names && cap_[i] && !covered_[i] && doc_.tokens[i].norm != "\"") {
        uint32_t b = i;
        // Skip sentence-initial function words ("The", "In").
        // A title before a name belongs to it ("Dr. William Glennie", "President Obama").
        const bool title = (wc_[i] & kTitleW) && i + 1 < s.token_end && cap_[i + 1] &&
                           !covered_[i + 1] &&
                           !(wc_[i + 1] & (kFuncCapW | kTitleW | kDemonymW | kPronW));
        if (!title && (wc_[i] & (kFuncCapW | kTitleW | kDemonymW))) {
          ++i;
          continue;
        }
        uint32_t e = title ? i + 2 : i + 1;
        while (e < s.token_end && !covered_[e]) {
          if (cap_[e] && !(wc_[e] & (kFuncCapW | kDemonymW))) {
            ++e;
          } else if ([](std::string_view x) {
                       static const WordSet k{"of", "on",  "for", "and", "the",
                                              "de", "bin", "ibn", "al"};
                       return k.count(x) != 0;
                     }(lower_[e]) &&
                     e + 1 < s.token_end && cap_[e + 1] && !(wc_[e + 1] & kFuncCapW) &&
                     !(lower_[e] == "and" && e - b == 1)) {
            e += 2;
          } else if (lower_[e] == "of" && e + 2 < s.token_end && lower_[e + 1] == "the" &&
                     cap_[e + 2] && !(wc_[e + 2] & kFuncCapW)) {
            e += 3;
          } else {
            break;
          }
        }
        // A single capitalised word opening a sentence is a name only when it is not
        // written in lower case elsewhere.
        if (e - b == 1 && b == s.token_begin) {
          if (lower_seen_.count(w) != 0) {
            i = e;
            continue;
          }
        }
        addName(b, e);
        for (uint32_t x = b; x < e; ++x) covered_[x] = 1;
        i = e;
        continue;
      }
      ++i;
    }
  }
  std::sort(ms_.begin(), ms_.end(), [](const M& a, const M& b) {
    if (a.tb != b.tb) return a.tb < b.tb;
    return a.te > b.te;
  });
  parent_.resize(ms_.size());
  std::iota(parent_.begin(), parent_.end(), 0);
}

void Resolver::initAttrs() {
  attrs_.assign(ms_.size(), CAttr{});
  for (size_t i = 0; i < ms_.size(); ++i) {
    const M& m = ms_[i];
    CAttr& c = attrs_[i];
    if (m.gender != Gender::kUnknown && !m.first_person) c.gender = m.gender;
    c.type = m.type;
    c.type_from_name = m.kind == Kind::kName && !m.type.empty();
    c.plural = m.kind != Kind::kPronoun && m.number == Number::kPlural;
    c.nations = m.nations;
    if (m.doc_mention >= 0) {
      const std::string& code = doc_.mentions[static_cast<size_t>(m.doc_mention)].code;
      if (!code.empty()) c.codes.push_back(code);
    }
    c.has_name = m.kind == Kind::kName;
    c.person = m.type == "PER" || m.speaker_evidence;
  }
}

void Resolver::mergeAttrs(int into, int from) {
  CAttr& a = attrs_[into];
  const CAttr& b = attrs_[from];
  if (a.gender == Gender::kUnknown) a.gender = b.gender;
  if (a.type.empty() || (!a.type_from_name && b.type_from_name && !b.type.empty())) {
    if (!b.type.empty()) {
      a.type = b.type;
      a.type_from_name = b.type_from_name;
    }
  }
  a.plural = a.plural || b.plural;
  for (const auto& n : b.nations)
    if (std::find(a.nations.begin(), a.nations.end(), n) == a.nations.end()) a.nations.push_back(n);
  for (const auto& k : b.codes)
    if (std::find(a.codes.begin(), a.codes.end(), k) == a.codes.end()) a.codes.push_back(k);
  a.has_name = a.has_name || b.has_name;
  a.person = a.person || b.person;
}

Gender Resolver::clusterGender(int c) const {
  return attrs_[c].gender;
}
std::string Resolver::clusterType(int c) const {
  return attrs_[c].type;
}
bool Resolver::clusterNumberPlural(int c) const {
  return attrs_[c].plural;
}
std::vector<std::string> Resolver::clusterNations(int c) const {
  return attrs_[c].nations;
}
bool Resolver::clusterHasName(int c) const {
  return attrs_[c].has_name;
}
bool Resolver::personEvidence(int c) const {
  return attrs_[c].person;
}

namespace {

// The country part of a CAMEO-style actor code ("IRNGOV" -> "IRN"), or "" when the code does
// not start with a country (international and non-state prefixes, unknown "---").
std::string_view codeCountry(std::string_view code) {
  if (code.size() < 3) return {};
  const std::string_view c = code.substr(0, 3);
  for (std::string_view p : {"IGO", "NGO", "MNC", "---", "INT", "UNO", "REL", "REB", "BUS"})
    if (c == p) return {};
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return {};
  return c;
}

// Two sets of actor codes describe different actors: persons of different countries, or
// (for organisations and places) no code in common.
bool codesConflict(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   bool person) {
  if (a.empty() || b.empty()) return false;
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (x == y) return false;
      if (person) {
        const auto cx = codeCountry(x), cy = codeCountry(y);
        if (cx.empty() || cy.empty() || cx == cy) return false;
      }
    }
  }
  return true;
}

}  // namespace

bool Resolver::compatible(int mi, int c) const {
  const M& m = ms_[mi];
  // Actor codes from the dictionaries: an "Iraqi Prime Minister" (IRQGOV) is not Khamenei
  // (IRNGOV), the Pentagon (USAMIL) is not the European Union (IGOEEU).
  if (codesConflict(attrs_[static_cast<size_t>(mi)].codes, attrs_[static_cast<size_t>(c)].codes,
                    m.type == "PER" || (m.type.empty() && personEvidence(c)))) {
    return false;
  }
  const std::string ct = clusterType(c);
  const bool c_person = ct == "PER" || (ct.empty() && personEvidence(c));
  const bool m_person = m.type == "PER";
  if (m_person && !ct.empty() && ct != "PER") return false;
  if (!m.type.empty() && m.type != "PER" && c_person) return false;
  if (m.kind == Kind::kPronoun && m.gender == Gender::kNeuter && c_person) return false;
  const Gender cg = clusterGender(c);
  if (m.gender != Gender::kUnknown && cg != Gender::kUnknown && m.gender != cg) return false;
  // Nationality: both known and disjoint -> different people.
  if (!m.nations.empty()) {
    const auto cn = clusterNations(c);
    if (!cn.empty()) {
      bool shared = false;
      for (const auto& x : m.nations)
        if (std::find(cn.begin(), cn.end(), x) != cn.end()) shared = true;
      if (!shared) return false;
    }
  }
  return true;
}

// ---- passes ---------------------------------------------------------------------------------

void Resolver::passExact() {
  std::map<std::string, int> first;
  for (size_t i = 0; i < n_base_; ++i) {
    const M& m = ms_[i];
    if (m.words.empty() || m.kind == Kind::kPronoun) continue;
    if (m.kind == Kind::kNominal) {
      bool named = false;
      for (uint32_t t = m.tb + 1; t < m.te; ++t) named = named || cap_[t];
      if (!named) continue;
    }
    std::string key;
    for (const auto& w : m.words) key += w + " ";
    // Spellings of one country ("the United States", "U.S.", "USA", "America").
    if (m.kind == Kind::kName) {
      static const std::pair<std::string_view, std::string_view> kAlias[] = {
          {"united states ", "usa"},
          {"united states of america ", "usa"},
          {"u.s. ", "usa"},
          {"u.s ", "usa"},
          {"us ", "usa"},
          {"usa ", "usa"},
          {"u.s.a. ", "usa"},
          {"america ", "usa"},
          {"united kingdom ", "uk"},
          {"uk ", "uk"},
          {"u.k. ", "uk"},
          {"britain ", "uk"},
          {"great britain ", "uk"},
          {"soviet union ", "ussr"},
          {"ussr ", "ussr"},
          {"european union ", "eu"},
          {"eu ", "eu"},
          {"un ", "un"},
          {"united nations ", "un"},
          {"u.n. ", "un"}};
      for (const auto& [form, country] : kAlias)
        if (key == form && !(key == "us " && !cap_[m.tb])) key = "country:" + std::string(country);
    }
    auto it = first.find(key);
    if (it == first.end()) {
      first[key] = static_cast<int>(i);
    } else {
      unite(it->second, static_cast<int>(i));
    }
  }
}

void Resolver::passAppositive() {
  // A title right before a person's name is the name's ("Iraqi Prime Minister Adel Abdul
  // Mahdi", "Iran's Supreme Leader Ayatollah Ali Khamenei"). Mentions nested in the title
  // ("Iran") are skipped: the name is the first mention starting where the title ends.
  for (size_t i = 0; i < n_base_; ++i) {
    const M& a = ms_[i];
    if (a.kind != Kind::kNominal || (!a.type.empty() && a.type != "PER")) continue;
    size_t j = i + 1;
    while (j < n_base_ && ms_[j].tb < a.te) ++j;
    if (j == n_base_) continue;
    const M& b = ms_[j];
    if (b.tb != a.te || b.kind != Kind::kName || b.type != "PER" || b.sent != a.sent) continue;
    if (!compatible(static_cast<int>(i), find(static_cast<int>(j)))) continue;
    unite(static_cast<int>(i), static_cast<int>(j));
  }
  for (size_t i = 0; i + 1 < n_base_; ++i) {
    const M& a = ms_[i];
    const M& b = ms_[i + 1];
    if (a.kind == Kind::kPronoun || b.kind == Kind::kPronoun || a.sent != b.sent) continue;
    if (a.kind == b.kind) continue;  // name-nominal or nominal-name only
    const std::string& sep = lower_[a.te];
    bool apposition = a.te < b.tb && sep == "," && b.tb == a.te + 1;
    // Predicate nominative: "X is the head of ..." / "X, who is ..." is not handled.
    bool predicate = b.tb == a.te + 1 && in(sep, {"is", "was"}) && b.kind == Kind::kNominal;
    if (b.tb == a.te + 2 && in(sep, {"is", "was", "became", "remains"}) &&
        isDeterminer(lower_[a.te + 1]))
      predicate = true;
    if (!apposition && !predicate) continue;
    const std::string ta = a.type, tb = b.type;
    if (!ta.empty() && !tb.empty() && ta != tb) continue;
    // The nominal's nationality and role describe the name (merged cluster attributes).
    unite(static_cast<int>(i), static_cast<int>(i + 1));
  }
}

void Resolver::passAcronym() {
  for (size_t i = 0; i < n_base_; ++i) {
    const M& a = ms_[i];
    if (a.kind != Kind::kName || a.te - a.tb != 1) continue;
    const std::string_view orig = doc_.tokenText(a.tb);
    if (orig.size() < 2 ||
        !std::all_of(orig.begin(), orig.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      continue;
    }
    for (size_t j = 0; j < n_base_; ++j) {
      const M& b = ms_[j];
      if (j == i || b.kind != Kind::kName || b.te - b.tb < 2) continue;
      std::string initials;
      for (uint32_t t = b.tb; t < b.te; ++t) {
        if (!cap_[t]) continue;
        const std::string_view o = doc_.tokenText(t);
        initials += o[0];
      }
      // "SCFRI" = Strategic Council on Foreign Relations of Iran: allow a trailing letter.
      if (initials == orig ||
          (orig.size() == initials.size() + 1 && orig.substr(0, initials.size()) == initials &&
           initials.size() >= 3)) {
        unite(static_cast<int>(i), static_cast<int>(j));
        break;
      }
    }
  }
}

std::string stripParticle(const std::string& w) {
  if (w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0) return w.substr(3);
  return w;
}

void Resolver::passPartialName() {
  // "Tim Scott" is not "Robert Scott": a cluster does not take a full name (two words or more)
  // whose first word (titles aside) differs from that of a full name with the same last word
  // already in it.
  const auto firstWord = [&](const M& x) -> std::string_view {
    for (const auto& w : x.words)
      if (!isTitle(w)) return w;
    return {};
  };
  const auto fullNames = [&](int root, std::vector<const M*>& out) {
    out.clear();
    for (size_t k = 0; k < n_base_; ++k)
      if (ms_[k].kind == Kind::kName && ms_[k].words.size() >= 2 &&
          find(static_cast<int>(k)) == root)
        out.push_back(&ms_[k]);
  };
  std::vector<const M*> names_i, names_j;
  const auto firstNamesConflict = [&](int ci, int cj) {
    fullNames(ci, names_i);
    if (names_i.empty()) return false;
    fullNames(cj, names_j);
    for (const M* x : names_i)
      for (const M* y : names_j) {
        const auto fx = firstWord(*x), fy = firstWord(*y);
        if (!fx.empty() && !fy.empty() && fx != fy && fx.back() != '.' && fy.back() != '.' &&
            stripParticle(x->words.back()) == stripParticle(y->words.back()))
          return true;
      }
    return false;
  };
  for (size_t i = 0; i < n_base_; ++i) {
    const M& m = ms_[i];
    if (m.kind != Kind::kName || m.words.empty()) continue;
    if (m.type != "PER" && !m.type.empty()) continue;
    const std::string mlast = stripParticle(m.words.back());
    // Closest earlier PER name whose last word matches (or which contains all our words).
    for (size_t j = i; j-- > 0;) {
      const M& a = ms_[j];
      if (a.kind != Kind::kName || a.words.empty()) continue;
      if (a.type != "PER" && !(a.type.empty() && m.type.empty())) continue;
      if (find(static_cast<int>(i)) == find(static_cast<int>(j))) break;
      const std::string alast = stripParticle(a.words.back());
      bool match = alast == mlast && alast.size() > 1;
      if (!match && m.words.size() < a.words.size()) {
        match = std::all_of(m.words.begin(), m.words.end(), [&](const std::string& w) {
          return std::find(a.words.begin(), a.words.end(), w) != a.words.end();
        });
      }
      if (match && firstNamesConflict(find(static_cast<int>(i)), find(static_cast<int>(j))))
        continue;
      if (match) {
        unite(static_cast<int>(i), static_cast<int>(j));
        break;
      }
    }
  }
}

void Resolver::passRoleNominal() {
  for (size_t i = 0; i < n_base_; ++i) {
    const M& m = ms_[i];
    if (m.kind != Kind::kNominal || m.number == Number::kPlural) continue;
    // An indefinite role nominal introduces someone new ("a spokesman said").
    if (in(lower_[m.tb], {"a", "an", "another", "one", "some"})) continue;
    const int ci = find(static_cast<int>(i));
    if (ci != static_cast<int>(i) || clusterHasName(ci)) continue;  // already linked
    const bool person = m.type == "PER";
    // Most salient compatible earlier cluster with a name: the latest mention wins, a subject
    // mention counts as half a sentence more recent.
    constexpr int kBlocked = -2;
    int best = -1;
    double best_score = -1e9;
    for (size_t j = 0; j < i; ++j) {
      const M& a = ms_[j];
      if (a.kind == Kind::kPronoun && a.first_person) continue;
      if (m.sent > a.sent + 12) continue;
      if (a.in_quote && !m.in_quote) continue;
      const int c = find(static_cast<int>(j));
      if (!clusterHasName(c)) continue;
      const std::string ct = clusterType(c);
      if (person && !(ct == "PER" || (ct.empty() && personEvidence(c)))) continue;
      // Places: the entity layer types names LOC or GPE, place nouns are GPE ("the city").
      const bool place_match = (ct == "GPE" || ct == "LOC") && (m.type == "GPE" || m.type == "LOC");
      if (!person && ct != m.type && !place_match && !(ct.empty() && !personEvidence(c))) continue;
      if (!compatible(static_cast<int>(i), c)) continue;
      // "Kenya's support for the farmers in the region": when the most salient candidate is
      // the possessor of a phrase holding the nominal, the nominal is something else (and
      // not the next candidate either, which is then no better than a guess).
      const bool blocked = possessorOver(a, m);
      const double score =
          static_cast<double>(a.sent) + (a.subject ? 0.5 : 0.0) + static_cast<double>(a.tb) * 1e-6;
      if (score > best_score) {
        best_score = score;
        best = blocked ? kBlocked : c;
      }
    }
    if (best == kBlocked) continue;
    if (best >= 0) {
      unite(static_cast<int>(i), best);
      continue;
    }
    if (!person) continue;
    // Cataphora: "the Iranian official ... Kharrazi": the next newly introduced person.
    for (size_t j = i + 1; j < n_base_; ++j) {
      const M& a = ms_[j];
      if (a.sent > m.sent + 8) break;
      if (a.kind != Kind::kName) continue;
      const int c = find(static_cast<int>(j));
      if (c != static_cast<int>(j)) continue;  // not a first mention
      const std::string ct = clusterType(c);
      if (!(ct == "PER" || (ct.empty() && personEvidence(c)))) continue;
      if (!compatible(static_cast<int>(i), c)) continue;
      unite(static_cast<int>(i), c);
      break;
    }
  }
}

void Resolver::passPronoun() {
  std::vector<int> cands;
  for (size_t i = 0; i < n_base_; ++i) {
    const M& p = ms_[i];
    if (p.kind != Kind::kPronoun || p.first_person || p.clause >= 0) continue;
    const bool plural = p.number == Number::kPlural;
    int chosen = -1;
    // Candidate sentences: the current one (mentions before the pronoun), then up to 3 back.
    // Inside a quotation, the current sentence's candidates inside the quotation come first
    // ("the public stood against the deal and it was condemned"), then the narrative ones.
    // Plural pronouns look back one sentence only (on GUM train their links three sentences
    // back were mostly wrong; passPronounToCommon still tries phrases two sentences back).
    const uint32_t max_step = plural ? 2 : 4;
    for (uint32_t step = p.in_quote ? 0 : 1; step <= max_step && chosen < 0; ++step) {
      const uint32_t back = step == 0 ? 0 : step - 1;
      if (back > p.sent) break;
      const uint32_t s = p.sent - back;
      // Candidates of sentence s in text order: names, nominals, pronouns and common-noun
      // phrases (outer phrases before inner ones; a name's maximal phrase stands for it).
      cands.clear();
      // Base mentions are sorted by start, so sentence s's lie in one range before i.
      const auto sbegin =
          std::partition_point(ms_.begin(), ms_.begin() + static_cast<std::ptrdiff_t>(i),
                               [s](const M& x) { return x.sent < s; });
      for (size_t j = static_cast<size_t>(sbegin - ms_.begin()); j < i && ms_[j].sent == s; ++j)
        cands.push_back(static_cast<int>(j));
      // he/she keep to names, role nominals and pronouns (their antecedent is nearly always
      // named; "his successor", "her opponent" are other people).
      if (p.gender != Gender::kMale && p.gender != Gender::kFemale) {
        const uint32_t sb = doc_.sentences[s].token_begin;
        const auto first = std::partition_point(ms_.begin() + static_cast<std::ptrdiff_t>(n_base_),
                                                ms_.end(), [sb](const M& x) { return x.tb < sb; });
        for (size_t j = static_cast<size_t>(first - ms_.begin()); j < ms_.size(); ++j) {
          if (ms_[j].sent != s) break;
          if (ms_[j].name_of >= 0) continue;  // the name itself is a candidate
          cands.push_back(static_cast<int>(j));
        }
        std::stable_sort(cands.begin(), cands.end(), [&](int x, int y) {
          const M& mx = ms_[static_cast<size_t>(x)];
          const M& my = ms_[static_cast<size_t>(y)];
          if (mx.tb != my.tb) return mx.tb < my.tb;
          return mx.te > my.te;
        });
      }
      for (size_t ci = 0; ci < cands.size() && chosen < 0; ++ci) {
        const size_t j = static_cast<size_t>(cands[ci]);
        const M& a = ms_[j];
        if (back == 0 && a.te > p.tb) continue;
        if (a.tb <= p.tb && p.tb < a.te) continue;  // "its" inside "its policy"
        // The subject of a reporting verb ("they said") is a speaker: not an abstract phrase.
        if (p.speaker_evidence && a.kind == Kind::kCommon && a.type != "PER" && a.type != "ORG")
          continue;
        // "it" and "they" take core arguments (subjects, objects, appositions, conjuncts, a
        // sentence's root), not phrases inside obliques and modifiers ("In the summer, ...").
        if ((p.gender == Gender::kNeuter || plural) && a.kind != Kind::kPronoun && !coreArgument(a))
          continue;
        if (step == 0 && !a.in_quote) continue;
        if (a.first_person || a.clause >= 0) continue;
        if (a.in_quote != p.in_quote && back > 0 && a.in_quote) continue;
        if (a.kind == Kind::kPronoun && a.number != p.number) continue;
        // "his meeting with X": a possessive does not refer into its own phrase's object.
        const int c = find(static_cast<int>(j));
        const std::string ct = clusterType(c);
        const bool c_person = ct == "PER" || (ct.empty() && personEvidence(c));
        if (plural) {
          if (c_person && !clusterNumberPlural(c)) continue;
          if (ct == "GPE" || ct == "LOC") continue;
          if (ct.empty() && a.kind == Kind::kName) continue;
          if (a.kind == Kind::kCommon && !clusterNumberPlural(c) && ct != "ORG") continue;
        } else if (p.gender == Gender::kNeuter) {
          if (c_person || clusterNumberPlural(c)) continue;
          if (ct.empty() && a.kind == Kind::kName) continue;
        } else {
          // he / she
          if (!(c_person || (ct.empty() && a.kind == Kind::kName))) continue;
          if (clusterNumberPlural(c)) continue;
          const Gender g = clusterGender(c);
          if (g != Gender::kUnknown && g != p.gender) continue;
        }
        chosen = c;
      }
    }
    if (chosen >= 0) unite(static_cast<int>(i), chosen);
  }
}

// Outside quotations, "I/me/my" is the author (or interviewee) throughout, and so is "we":
// one entity each. (Inside direct quotes the quotes stage links "I" to the speaker.)
void Resolver::passFirstPerson() {
  int singular = -1, plural = -1, second = -1;
  // Inside one quotation, "I/me/my" is one speaker, "we/us/our" one group and "you/your" one
  // addressee.
  {
    std::map<std::pair<uint32_t, int>, int> rep_of;  // (opening quote token, person) -> mention
    uint32_t open = 0;
    uint32_t t = 0;
    for (size_t i = 0; i < n_base_; ++i) {
      const M& m = ms_[i];
      if (m.kind != Kind::kPronoun || !m.first_person || !m.in_quote) continue;
      for (; t < m.tb; ++t)
        if (doc_.tokens[t].norm == "\"") open = t;
      const int person = m.gender == Gender::kNeuter ? 2 : m.number == Number::kPlural ? 1 : 0;
      const auto [it, fresh] = rep_of.emplace(std::make_pair(open, person), static_cast<int>(i));
      if (!fresh) unite(it->second, static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < n_base_; ++i) {
    const M& m = ms_[i];
    if (m.kind != Kind::kPronoun || !m.first_person || m.in_quote) continue;
    int& rep = m.gender == Gender::kNeuter   ? second
               : m.number == Number::kPlural ? plural
                                             : singular;
    if (rep < 0) {
      rep = static_cast<int>(i);
    } else {
      unite(rep, static_cast<int>(i));
    }
  }
}

// Common-noun phrases (Lee et al. 2013 mention detection, GUM's bracket convention): every noun
// not inside an earlier mention heads a mention spanning its whole dependency subtree
// (modifiers, possessors, prepositional phrases and relative clauses included, outer
// punctuation trimmed). Nouns that modify another noun (compound, flat) head nothing. These
// mentions are appended after the others, so the earlier passes never see them.
void Resolver::detectCommonNouns() {
  n_base_ = ms_.size();
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  if (doc_.has(Document::kDeps) && doc_.has(Document::kTags) && n > 0) {
    std::vector<uint32_t> lo(n), hi(n);
    for (uint32_t i = 0; i < n; ++i) lo[i] = hi[i] = i;
    for (uint32_t i = 0; i < n; ++i) {
      // Walk up from each token, widening its ancestors' extents (depth-bounded: parses of
      // malformed input may contain cycles).
      int32_t h = doc_.tokens[i].head;
      for (int depth = 0; h >= 0 && static_cast<uint32_t>(h) < n && depth < 64; ++depth) {
        const auto u = static_cast<uint32_t>(h);
        lo[u] = std::min(lo[u], i);
        hi[u] = std::max(hi[u], i);
        h = doc_.tokens[u].head;
      }
    }
    const auto spanKey = [](uint32_t b, uint32_t e) {
      return (static_cast<uint64_t>(b) << 32) | e;
    };
    std::unordered_set<uint64_t> spans;
    for (const M& m : ms_) spans.insert(spanKey(m.tb, m.te));
    const auto isPunct = [&](uint32_t t) { return doc_.tokens[t].upos == "PUNCT"; };
    // Dependents that are not part of a noun phrase's mention (GUM marks appositions,
    // conjuncts and the subject of a nominal predicate as mentions of their own): clausal
    // dependents of a predicate noun, appositions, parentheticals, conjuncts.
    const auto outsidePhrase = [&](uint32_t c) {
      const std::string& d = doc_.tokens[c].deprel;
      return d == "appos" || d == "parataxis" || d == "nsubj" || d == "nsubj:pass" ||
             d == "csubj" || d == "csubj:pass" || d == "cop" || d == "aux" || d == "aux:pass" ||
             d == "advcl" || d == "discourse" || d == "vocative" || d == "expl" ||
             d == "dislocated" || d == "reparandum" || d == "conj" || d == "orphan" || d == "list";
    };
    // kids(h): h's dependents in token order (one flat array, offsets per head).
    std::vector<uint32_t> kid_begin(n + 1, 0), kid_list;
    const auto headOf = [&](uint32_t i) {
      const int32_t h = doc_.tokens[i].head;
      return h >= 0 && static_cast<uint32_t>(h) < n && static_cast<uint32_t>(h) != i
                 ? static_cast<uint32_t>(h)
                 : UINT32_MAX;
    };
    for (uint32_t i = 0; i < n; ++i)
      if (const uint32_t h = headOf(i); h != UINT32_MAX) ++kid_begin[h + 1];
    for (uint32_t i = 0; i < n; ++i) kid_begin[i + 1] += kid_begin[i];
    kid_list.resize(kid_begin[n]);
    {
      std::vector<uint32_t> fill(kid_begin.begin(), kid_begin.end() - 1);
      for (uint32_t i = 0; i < n; ++i)
        if (const uint32_t h = headOf(i); h != UINT32_MAX) kid_list[fill[h]++] = i;
    }
    const auto kids = [&](uint32_t h) {
      return std::span<const uint32_t>(kid_list.data() + kid_begin[h],
                                       kid_begin[h + 1] - kid_begin[h]);
    };
    // The phrase headed by h: h and the subtrees of its dependents that belong to a noun
    // phrase, within the sentence, without outer punctuation and without the head's own
    // preposition / conjunction / marker ("on [the economy]"). `preconj` also strips a
    // pre-conjunction ("either"); the name phrases keep it.
    const auto phrase = [&](uint32_t h, bool preconj) {
      const uint32_t s = sent_of_[h];
      // The phrase is contiguous: on each side of the head, dependents are taken from the
      // closest outwards up to the first one outside the phrase ("In 1947 , [the museum] was
      // ...": the subject and copula between an oblique and the predicate noun end it). A
      // parenthetical after the head ("Padalecki ( born July 19 , 1982 )") ends it too.
      uint32_t lo_h = h, hi_h = h;
      const auto ks = kids(h);
      for (size_t k = ks.size(); k-- > 0;) {
        const uint32_t c = ks[k];
        if (c > h) continue;
        if (outsidePhrase(c)) break;
        lo_h = std::min(lo_h, lo[c]);
      }
      for (uint32_t c : ks) {
        if (c < h) continue;
        const std::string& first = doc_.tokens[lo[c]].norm;
        if (outsidePhrase(c) || (lo[c] > h && (first == "(" || first == "["))) break;
        hi_h = std::max(hi_h, hi[c]);
      }
      uint32_t b = std::max(lo_h, doc_.sentences[s].token_begin);
      uint32_t e = std::min(hi_h + 1, doc_.sentences[s].token_end);
      const auto edge = [&](uint32_t x) {
        if (isPunct(x)) return true;
        const Token& d = doc_.tokens[x];
        return d.head == static_cast<int32_t>(h) &&
               (d.deprel == "case" || d.deprel == "cc" || d.deprel == "mark" ||
                (preconj && d.deprel == "cc:preconj"));
      };
      while (b < h && edge(b)) ++b;
      {
        // Leading prepositions, conjunctions and markers attached lower in the tree ("to [the
        // property itself]", "and after ..."), trailing ones ("kind of").
        const auto functional = [&](uint32_t x) {
          const std::string& u = doc_.tokens[x].upos;
          return u == "ADP" || u == "CCONJ" || u == "SCONJ" || u == "PUNCT";
        };
        while (b < h && functional(b)) ++b;
        // Focus and sentence adverbs before the phrase ("only peace", "also the Team Manager",
        // "not the front door"): the noun's own advmod/discourse dependents are not in it.
        const auto advLead = [&](uint32_t x) {
          const Token& d = doc_.tokens[x];
          const bool adv = d.upos == "ADV" || d.upos == "INTJ" ||
                           (d.upos == "PART" && (lower_[x] == "not" || lower_[x] == "n't"));
          return adv && d.head == static_cast<int32_t>(h) &&
                 (d.deprel == "advmod" || d.deprel == "discourse");
        };
        while (b < h && advLead(b)) {
          ++b;
          while (b < h && (isPunct(b) || functional(b))) ++b;
        }
        while (e > h + 1 &&
               (doc_.tokens[e - 1].upos == "ADP" || doc_.tokens[e - 1].upos == "CCONJ"))
          --e;
      }
      while (e > h + 1 && isPunct(e - 1)) {
        // A closing bracket or quote whose opener is inside stays ("( virtual microscope )").
        {
          const std::string& c = doc_.tokens[e - 1].norm;
          const char* open = c == ")" ? "(" : c == "]" ? "[" : c == "\"" ? "\"" : nullptr;
          if (open != nullptr) {
            int depth = 0;
            for (uint32_t x = b; x + 1 < e; ++x)
              if (doc_.tokens[x].norm == open) ++depth;
            if (depth % 2 == 1 || (depth > 0 && c != "\"")) break;
          }
        }
        --e;
      }
      return std::pair<uint32_t, uint32_t>{b, e};
    };
    // A common-noun phrase mention over tokens [b, e) headed by h (the word lists of
    // annotateMention are not needed for these).
    const auto phraseMention = [&](uint32_t b, uint32_t e, uint32_t h) {
      M m;
      m.kind = Kind::kCommon;
      m.tb = b;
      m.te = e;
      m.head_tok = h;
      m.source = "nominal-np";
      m.sent = sent_of_[b];
      m.in_quote = quote_[b];
      return m;
    };
    std::vector<M> common;
    for (uint32_t h = 0; h < n; ++h) {
      const Token& t = doc_.tokens[h];
      // Nouns, and proper nouns the entity layer missed ("DH"; not name-internal words).
      if ((t.upos != "NOUN" && t.upos != "PROPN") || covered_[h]) continue;
      if (t.upos == "PROPN" && t.deprel == "compound") continue;
      // Prepositional idioms ("in fact", "for example") are not mentions.
      if (in(lower_[h],
             {"fact", "example", "instance", "addition", "order", "particular", "general", "course",
              "least", "turn", "short", "contrast", "part", "sum", "total"})) {
        bool bare = true;
        for (uint32_t c : kids(h)) {
          const std::string& d = doc_.tokens[c].deprel;
          if (d != "case" && d != "punct" && d != "fixed") bare = false;
        }
        if (bare) continue;
      }
      if (t.deprel == "flat" || t.deprel == "fixed" || t.deprel == "goeswith") {
        continue;
      }
      const auto [b, e] = phrase(h, true);
      if (spans.count(spanKey(b, e)) != 0) continue;
      M m = phraseMention(b, e, h);
      RoleInfo r;
      const bool plural = t.xpos == "NNS" || t.feats.find("Number=Plur") != std::string::npos;
      m.number = plural ? Number::kPlural : Number::kSingular;
      if (roleNoun(lower_[h], r)) {
        m.type = std::string(r.type);
        m.gender = r.gender;
      } else {
        m.gender = Gender::kNeuter;
      }
      common.push_back(std::move(m));
    }
    // Coordinations ("Carrano and Biewener", "rent and advertising"): GUM marks the coordinated
    // phrase as a mention of its own beside the conjuncts. A plural mention from the first
    // conjunct's phrase to the last one's; "they" can take it, and it is the predicate of a
    // copula ("Moreau was an actress and singer"). Not matched by head (its head is the first
    // conjunct's).
    for (uint32_t h = 0; h < n; ++h) {
      const Token& t = doc_.tokens[h];
      if (t.upos != "NOUN" && t.upos != "PROPN") continue;
      if (t.deprel == "conj" || t.deprel == "compound" || t.deprel == "flat") continue;
      uint32_t last = UINT32_MAX;
      for (uint32_t c : kids(h)) {
        if (c < h || doc_.tokens[c].deprel != "conj") continue;
        const std::string& u = doc_.tokens[c].upos;
        if (u != "NOUN" && u != "PROPN" && u != "PRON") {
          last = UINT32_MAX;
          break;
        }
        last = c;
      }
      if (last == UINT32_MAX) continue;
      const auto [b, e0] = phrase(h, true);
      const uint32_t e = std::max(e0, phrase(last, true).second);
      if (e <= e0 || !spans.insert(spanKey(b, e)).second) continue;
      M m = phraseMention(b, e, h);
      m.number = Number::kPlural;
      m.gender = Gender::kNeuter;
      m.partitive = true;  // no head match
      m.coord = true;
      common.push_back(std::move(m));
    }
    // Extraposed "it" ("It is important to note that ...", "it seems that ..."): GUM marks
    // the clause as a mention and links the pronoun to it. The pronoun is an expletive (or the
    // subject of a copular predicate) whose predicate has a clausal subject or complement
    // after it; the clause's subtree is the mention.
    std::vector<std::pair<uint32_t, uint64_t>> expl;  // pronoun index -> clause span key
    {
      for (size_t k = 0; k < n_base_; ++k) {
        const M& p = ms_[k];
        if (p.kind != Kind::kPronoun || p.te != p.tb + 1 || lower_[p.tb] != "it") continue;
        const Token& t = doc_.tokens[p.tb];
        if (t.head < 0 || static_cast<uint32_t>(t.head) >= n) continue;
        const auto h = static_cast<uint32_t>(t.head);
        bool cop = false;
        for (uint32_t c : kids(h)) cop = cop || doc_.tokens[c].deprel == "cop";
        if (t.deprel != "expl" && !(t.deprel == "nsubj" && cop)) continue;
        uint32_t clause = UINT32_MAX;
        for (uint32_t c : kids(h)) {
          if (c < p.tb || c < h) continue;
          const std::string& d = doc_.tokens[c].deprel;
          const bool clausal = d == "csubj" || d == "csubj:pass" || d == "ccomp" ||
                               (t.deprel == "nsubj" && d == "advcl");
          if (!clausal) continue;
          // The clause starts with its marker ("to", "that", "for", "whether", "if", "how").
          const uint32_t f = lo[c];
          if (t.deprel == "nsubj" &&
              !in(lower_[f], {"to", "that", "for", "whether", "if", "how", "what", "why"}))
            continue;
          clause = c;
          break;
        }
        if (clause == UINT32_MAX) continue;
        const uint32_t s = sent_of_[clause];
        uint32_t b = std::max(lo[clause], doc_.sentences[s].token_begin);
        uint32_t e = std::min(hi[clause] + 1, doc_.sentences[s].token_end);
        while (e > b + 1 && isPunct(e - 1)) --e;
        if (b <= p.tb || e <= b) continue;
        if (!spans.insert(spanKey(b, e)).second) continue;
        M m = phraseMention(b, e, clause);
        m.gender = Gender::kNeuter;
        m.clausal = true;
        common.push_back(std::move(m));
        expl.emplace_back(static_cast<uint32_t>(k), spanKey(b, e));
      }
    }
    // Partitives ("one of the first opponents of the war", "all of us"): the quantifier heads
    // the phrase (UD), its `of` phrase is an nmod dependent. GUM marks the whole phrase.
    {
      for (uint32_t h = 0; h < n; ++h) {
        const Token& t = doc_.tokens[h];
        const std::string& w = lower_[h];
        const bool one = w == "one" || w == "each";
        if (!(one || in(w, {"all", "both", "most", "many", "some", "several", "none", "any", "few",
                            "two", "three"})))
          continue;
        if (t.upos != "NUM" && t.upos != "PRON" && t.upos != "DET" && t.upos != "ADJ") continue;
        bool of = false;
        for (uint32_t c : kids(h)) {
          if (c < h || doc_.tokens[c].deprel.rfind("nmod", 0) != 0) continue;
          for (uint32_t cc : kids(c))
            if (cc < c && doc_.tokens[cc].deprel == "case" && lower_[cc] == "of") of = true;
        }
        if (!of) continue;
        const auto [b, e] = phrase(h, true);
        if (e <= h + 1 || !spans.insert(spanKey(b, e)).second) continue;
        M m = phraseMention(b, e, h);
        m.partitive = true;
        m.number = one ? Number::kSingular : Number::kPlural;
        m.gender = Gender::kNeuter;
        common.push_back(std::move(m));
      }
    }
    // The maximal phrase around a name ("the United States", "Professor Eastman", "John
    // Hobhouse, who ..."): the name's syntactic head's subtree when it is larger than the name.
    // It joins the name's entity (passCommonHead links it) and is output beside the name.
    for (size_t k = 0; k < n_base_; ++k) {
      const M& nm = ms_[k];
      if ((nm.kind != Kind::kName && nm.kind != Kind::kNominal) || nm.te <= nm.tb) continue;
      uint32_t h = UINT32_MAX;
      for (uint32_t x = nm.tb; x < nm.te; ++x) {
        const int32_t hx = doc_.tokens[x].head;
        if (hx < static_cast<int32_t>(nm.tb) || hx >= static_cast<int32_t>(nm.te)) {
          if (h != UINT32_MAX) {
            h = UINT32_MAX;  // no single head
            break;
          }
          h = x;
        }
      }
      if (h == UINT32_MAX || (doc_.tokens[h].upos != "PROPN" && doc_.tokens[h].upos != "NOUN"))
        continue;
      const auto [b, e] = phrase(h, false);
      if (b > nm.tb || e < nm.te || (b == nm.tb && e == nm.te)) continue;
      if (spans.count(spanKey(b, e)) != 0) continue;
      spans.insert(spanKey(b, e));
      M m = phraseMention(b, e, h);
      m.type = nm.type;
      m.gender = nm.gender;
      m.number = nm.number;
      m.name_of = static_cast<int32_t>(k);
      common.push_back(std::move(m));
    }
    // Years ("1754", "2015"): GUM marks them as time mentions, and a repeated year is nearly
    // always the same one (134 of 145 repeated standalone years on GUM train).
    {
      for (uint32_t h = 0; h < n; ++h) {
        const std::string& w = doc_.tokens[h].norm;
        if (w.size() != 4 || !(w[0] == '1' || w[0] == '2')) continue;
        if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        if (w < "1500" || w > "2099") continue;
        if (!spans.insert(spanKey(h, h + 1)).second) continue;
        M m = phraseMention(h, h + 1, h);
        m.gender = Gender::kNeuter;
        m.type = "MISC";
        common.push_back(std::move(m));
      }
    }
    // Names nested in a longer name ("Michigan" in "University of Michigan", "Durham" in
    // "Durham University", "UK" in "UK Government"): a run of proper nouns inside the name, not
    // holding its head, that is written elsewhere in the document as a name of its own is a
    // mention of that name's entity (GUM marks such nested names).
    {
      std::unordered_map<std::string, int> name_key;
      const auto keyOf = [&](uint32_t b, uint32_t e) {
        std::string key;
        for (uint32_t x = b; x < e; ++x) {
          key += lower_[x];
          key += ' ';
        }
        return key;
      };
      for (size_t k = 0; k < n_base_; ++k)
        if (ms_[k].kind == Kind::kName)
          name_key.emplace(keyOf(ms_[k].tb, ms_[k].te), static_cast<int>(k));
      // Calls f(name, its head, x, y) for every maximal run [x, y) of proper nouns inside a
      // name of two or more words.
      auto forEachPropnRun = [&](auto&& f) {
        for (size_t k = 0; k < n_base_; ++k) {
          const M& nm = ms_[k];
          if (nm.kind != Kind::kName || nm.te - nm.tb < 2) continue;
          const uint32_t head = spanHead(nm.tb, nm.te);
          for (uint32_t x = nm.tb; x < nm.te;) {
            if (doc_.tokens[x].upos != "PROPN") {
              ++x;
              continue;
            }
            uint32_t y = x;
            while (y < nm.te && doc_.tokens[y].upos == "PROPN") ++y;
            f(nm, head, x, y);
            x = y;
          }
        }
      };
      // A mention of [x, y) standing for the name mention `same` (type, gender, number).
      auto mentionOfName = [&](uint32_t x, uint32_t y, int same) {
        const M& name = ms_[static_cast<size_t>(same)];
        M m = phraseMention(x, y, y - 1);
        m.type = name.type;
        m.gender = name.gender;
        m.number = name.number;
        m.same_as = same;
        return m;
      };
      // Runs nested in two or more names ("Marriage" in "the Hindu Marriage Act" and "the
      // Special Marriage Act") are mentions too; head match links them.
      std::unordered_map<std::string, int> nested_count;
      forEachPropnRun([&](const M& nm, uint32_t head, uint32_t x, uint32_t y) {
        if (!(x == nm.tb && y == nm.te) && !(x <= head && head < y)) ++nested_count[keyOf(x, y)];
      });
      forEachPropnRun([&](const M& nm, uint32_t head, uint32_t x, uint32_t y) {
        if ((x == nm.tb && y == nm.te) || (x <= head && head < y)) {
          // A place name opening a longer name before its head ("New Zealand" in "New
          // Zealand Herald", "Hong Kong" in "Hong Kong Island", "UK" in "UK Government"),
          // written elsewhere as a place name of its own: a mention of that place.
          for (uint32_t z = std::min(y, head); z > x; --z) {
            if (z == y && x == nm.tb && y == nm.te) continue;
            const auto it = name_key.find(keyOf(x, z));
            if (it == name_key.end()) continue;
            const M& same = ms_[static_cast<size_t>(it->second)];
            if ((same.type == "GPE" || same.type == "LOC") && spans.insert(spanKey(x, z)).second) {
              common.push_back(mentionOfName(x, z, it->second));
            }
            break;
          }
        } else {
          const auto it = name_key.find(keyOf(x, y));
          if (it != name_key.end() && spans.insert(spanKey(x, y)).second) {
            common.push_back(mentionOfName(x, y, it->second));
          } else if (it == name_key.end()) {
            const auto nc = nested_count.find(keyOf(x, y));
            if (nc != nested_count.end() && nc->second >= 2 && spans.insert(spanKey(x, y)).second) {
              M m = phraseMention(x, y, y - 1);
              m.type = "";
              m.gender = Gender::kNeuter;
              common.push_back(std::move(m));
            }
          }
        }
      });
    }
    std::sort(common.begin(), common.end(), [](const M& a, const M& b) {
      if (a.tb != b.tb) return a.tb < b.tb;
      return a.te > b.te;
    });
    for (auto& m : common) ms_.push_back(std::move(m));
    for (const auto& [k, key] : expl) {
      for (size_t j = n_base_; j < ms_.size(); ++j)
        if (spanKey(ms_[j].tb, ms_[j].te) == key) ms_[k].clause = static_cast<int32_t>(j);
    }
  }
  parent_.resize(ms_.size());
  std::iota(parent_.begin(), parent_.end(), 0);
}

// Head match for common-noun phrases (Lee et al. 2013 sieves 5-6): a common-noun phrase that
// does not start indefinitely joins the closest earlier non-pronoun mention with the same head
// word (same form: number agrees) when, strict, every content word of the phrase's cluster
// occurs in the antecedent's cluster (word inclusion) and its pre-head modifiers occur among
// the antecedent's (compatible modifiers); relaxed drops the modifier test. Neither may contain
// the other (i-within-i).
void Resolver::passCommonHead(bool strict) {
  const auto headOf = [&](const M& m) { return m.head_tok != UINT32_MAX ? m.head_tok : m.te - 1; };
  const auto contentWord = [&](uint32_t t) {
    const auto& u = doc_.tokens[t].upos;
    return u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM";
  };
  const auto clusterWords = [&](int root, std::unordered_set<std::string_view>& out) {
    for (size_t k = 0; k < ms_.size(); ++k) {
      if (find(static_cast<int>(k)) != root || ms_[k].kind == Kind::kPronoun) continue;
      for (uint32_t t = ms_[k].tb; t < ms_[k].te; ++t)
        if (contentWord(t)) out.insert(lower_[t]);
    }
  };
  if (strict) {
    for (size_t i = n_base_; i < ms_.size(); ++i)
      if (ms_[i].name_of >= 0) unite(static_cast<int>(i), find(ms_[i].name_of));
    for (size_t i = n_base_; i < ms_.size(); ++i)
      if (ms_[i].same_as >= 0) unite(static_cast<int>(i), find(ms_[i].same_as));
    for (size_t i = 0; i < n_base_; ++i)
      if (ms_[i].clause >= 0) unite(static_cast<int>(i), ms_[i].clause);
  }
  // Non-pronoun mentions by head word form, latest start first (stable: list order on ties).
  std::unordered_map<std::string_view, std::vector<int>> by_head;
  for (size_t j = 0; j < ms_.size(); ++j)
    if (ms_[j].kind != Kind::kPronoun && !ms_[j].partitive && !ms_[j].clausal)
      by_head[lower_[headOf(ms_[j])]].push_back(static_cast<int>(j));
  for (auto& [w, list] : by_head) {
    std::stable_sort(list.begin(), list.end(), [&](int x, int y) {
      return ms_[static_cast<size_t>(x)].tb > ms_[static_cast<size_t>(y)].tb;
    });
  }
  // Anaphors: common-noun phrases, and role nominals that found no named antecedent ("the
  // court" ... "the court").
  for (size_t i = 0; i < ms_.size(); ++i) {
    const M& m = ms_[i];
    if (i < n_base_ && (m.kind != Kind::kNominal || clusterHasName(find(static_cast<int>(i)))))
      continue;
    // A phrase already linked to an earlier mention keeps its antecedent; one that only later
    // mentions have joined so far ("the job ... it") still looks for its own.
    if (const int r = find(static_cast<int>(i)); r != static_cast<int>(i)) {
      bool earlier = false;
      for (size_t k = 0; k < ms_.size() && !earlier; ++k)
        earlier = ms_[k].te <= m.tb && find(static_cast<int>(k)) == r;
      if (earlier) continue;
    }
    if (m.partitive || m.clausal) continue;
    if (in(lower_[m.tb], {"a", "an", "some", "any", "another", "no", "each", "every", "other",
                          "such", "many", "few", "several", "one"})) {
      // An indefinite phrase takes no antecedent, unless it is written exactly as an earlier
      // indefinite phrase ("a Park and Ride" ... "a Park and Ride").
      if (strict && m.te - m.tb >= 2 && in(lower_[m.tb], {"a", "an"})) {
        for (size_t j = n_base_; j < i && ms_[j].tb < m.tb; ++j) {
          const M& a = ms_[j];
          if (a.te - a.tb != m.te - m.tb || a.te > m.tb) continue;
          bool same = true;
          for (uint32_t t = 0; same && t < m.te - m.tb; ++t)
            same = lower_[a.tb + t] == lower_[m.tb + t];
          if (same) {
            unite(static_cast<int>(i), find(static_cast<int>(j)));
            break;
          }
        }
      }
      continue;
    }
    const uint32_t mh = headOf(m);
    const bool bare = !(wc_[m.tb] & kDetW) && doc_.tokens[m.tb].upos != "PROPN" &&
                      (!cap_[m.tb] || m.tb == doc_.sentences[m.sent].token_begin);
    std::vector<std::string_view> mods;
    for (uint32_t t = m.tb; t < mh; ++t)
      if (contentWord(t)) mods.push_back(lower_[t]);
    std::unordered_set<std::string_view> mwords;
    for (uint32_t t = m.tb; t < m.te; ++t)
      if (contentWord(t)) mwords.insert(lower_[t]);
    // Candidates with the same head word, the closest earlier mention first (by start; the
    // first-listed on ties); at most 50 are tested.
    int best = -1;
    const auto it = by_head.find(lower_[mh]);
    if (it == by_head.end()) continue;
    int tested = 0;
    for (const int j : it->second) {
      const M& a = ms_[static_cast<size_t>(j)];
      if (static_cast<size_t>(j) == i || a.tb >= m.tb) continue;
      if (a.te > m.tb) continue;  // overlapping or containing: i-within-i
      // A bare phrase (no determiner, lower case: "property", "data", "sunny winter weather")
      // is generic: it repeats a phrase no longer than itself, not a fuller one ("the
      // property", "comprehensive data about ..."). On GUM train 17 % of bare one-word
      // anaphors' links to longer phrases were right.
      if (bare && a.te - a.tb > m.te - m.tb) continue;
      if (++tested > 50) break;
      const uint32_t ah = headOf(a);
      // A determined phrase ("the memorial") does not repeat a noun that only modified another
      // one ("memorial" in "the memorial park").
      if ((wc_[m.tb] & kDetW) && a.te - a.tb == 1 && doc_.has(Document::kDeps) &&
          doc_.tokens[a.tb].deprel == "compound")
        continue;
      const int c = find(j);
      if (strict) {
        bool ok = true;
        for (auto w : mods) {
          bool found = false;
          for (uint32_t t = a.tb; t < ah && !found; ++t) found = lower_[t] == w;
          if (!found) ok = false;
        }
        if (!ok) continue;
      }
      std::unordered_set<std::string_view> cw;
      clusterWords(c, cw);
      bool incl = true;
      for (auto w : mwords)
        if (cw.count(w) == 0) incl = false;
      if (!incl) continue;
      best = j;
      break;
    }
    if (best >= 0) unite(static_cast<int>(i), find(best));
  }
}

// Third-person pronouns whose cluster found no name or role nominal take a common-noun phrase:
// the first one (left to right) in the pronoun's sentence before it, else in the one or two
// sentences before, that agrees in number and animacy and does not contain the pronoun.
void Resolver::passPronounToCommon() {
  std::vector<uint8_t> resolved(ms_.size(), 0);
  for (size_t k = 0; k < n_base_; ++k)
    if (ms_[k].kind != Kind::kPronoun) resolved[static_cast<size_t>(find(static_cast<int>(k)))] = 1;
  for (size_t i = 0; i < n_base_; ++i) {
    const M& p = ms_[i];
    if (p.kind != Kind::kPronoun || p.first_person || p.clause >= 0) continue;
    const int root = find(static_cast<int>(i));
    if (resolved[static_cast<size_t>(root)]) continue;
    const bool plural = p.number == Number::kPlural;
    const bool person = p.gender == Gender::kMale || p.gender == Gender::kFemale;
    int chosen = -1;
    for (uint32_t back = 0; back <= 2 && back <= p.sent && chosen < 0; ++back) {
      const uint32_t s = p.sent - back;
      // Common-noun phrases are sorted by start: begin at the sentence's first one.
      const uint32_t sb = doc_.sentences[s].token_begin;
      const auto first = std::partition_point(ms_.begin() + static_cast<std::ptrdiff_t>(n_base_),
                                              ms_.end(), [sb](const M& x) { return x.tb < sb; });
      for (size_t j = static_cast<size_t>(first - ms_.begin()); j < ms_.size(); ++j) {
        const M& a = ms_[j];
        if (a.sent > s) break;
        if (a.sent != s) continue;
        if (back == 0 && a.tb >= p.tb) break;
        if (a.tb <= p.tb && p.tb < a.te) continue;  // "its" inside "its policy"
        // "it" and "they" take core arguments (subjects, objects, appositions, conjuncts, a
        // sentence's root), not phrases inside obliques and modifiers ("In the summer, ...").
        if ((p.gender == Gender::kNeuter || plural) && a.kind != Kind::kPronoun && !coreArgument(a))
          continue;
        if ((a.number == Number::kPlural) != plural) continue;
        const bool a_person = a.type == "PER";
        if (person != a_person) continue;
        if (person && a.gender != Gender::kUnknown && a.gender != p.gender) continue;
        chosen = static_cast<int>(j);
        break;
      }
    }
    if (chosen >= 0) {
      unite(root, find(chosen));
      resolved[static_cast<size_t>(find(root))] = 1;
    }
  }
}

// The syntactic head of tokens [b, e): the first token whose head lies outside the span.
uint32_t Resolver::spanHead(uint32_t b, uint32_t e) const {
  for (uint32_t x = b; x < e; ++x) {
    const int32_t hx = doc_.tokens[x].head;
    if (hx < static_cast<int32_t>(b) || hx >= static_cast<int32_t>(e)) return x;
  }
  return e - 1;
}

// True when `a` is the possessor of a phrase that holds `m` ("the Islamic Republic's support
// for the people in the region": the possessor "the Islamic Republic's" over "the region").
// A possessor c-commands the rest of its phrase, and a full noun phrase there does not refer
// back to it (binding principle C). False without a parse or across sentences.
bool Resolver::possessorOver(const M& a, const M& m) const {
  if (!doc_.has(Document::kDeps) || a.sent != m.sent) return false;
  const uint32_t ha = mentionHead(a);
  const Token& t = doc_.tokens[ha];
  if (t.head < 0 || t.deprel != "nmod:poss") return false;
  const auto possessed = static_cast<uint32_t>(t.head);
  uint32_t x = mentionHead(m);
  for (int steps = 0; steps < 256; ++steps) {
    if (x == ha) return false;  // inside the possessor itself
    if (x == possessed) return true;
    const int32_t h = doc_.tokens[x].head;
    if (h < 0) return false;
    x = static_cast<uint32_t>(h);
  }
  return false;
}

// A subject, object, apposition, conjunct or sentence root (true without a parse).
bool Resolver::coreArgument(const M& m) const {
  if (!doc_.has(Document::kDeps)) return true;
  const std::string& d = doc_.tokens[mentionHead(m)].deprel;
  return d == "nsubj" || d == "nsubj:pass" || d == "obj" || d == "iobj" || d == "root" ||
         d == "appos" || d == "conj";
}

// Appositions by the parse (GUM marks both phrases as mentions of one entity: "Tina McKenzie ,
// a former member of ..."): a mention whose head is an `appos` dependent of another mention's
// head joins it, when neither is a pronoun and the types do not conflict.
void Resolver::passApposDeps() {
  if (!doc_.has(Document::kDeps)) return;
  std::unordered_map<uint32_t, int> by_head;  // head token -> the longest mention with it
  std::vector<uint32_t> heads(ms_.size());
  for (size_t i = 0; i < ms_.size(); ++i) {
    const M& m = ms_[i];
    heads[i] = mentionHead(m);
    if (m.kind == Kind::kPronoun) continue;
    auto [it, fresh] = by_head.emplace(heads[i], static_cast<int>(i));
    if (!fresh &&
        ms_[static_cast<size_t>(it->second)].te - ms_[static_cast<size_t>(it->second)].tb <
            m.te - m.tb)
      it->second = static_cast<int>(i);
  }
  // Predicate nominatives ("Stardust is a NASA Discovery mission ..."): GUM links the subject
  // and the predicate noun phrase (174 of 198 "X is/was a/the Y" pairs on GUM train). The
  // predicate's head has a copula and a subject; a negated predicate is not linked.
  {
    std::unordered_map<uint32_t, int> any_by_head;  // including pronouns
    for (size_t i = 0; i < ms_.size(); ++i) {
      auto [it, fresh] = any_by_head.emplace(heads[i], static_cast<int>(i));
      const M& cur = ms_[static_cast<size_t>(it->second)];
      if (!fresh && cur.te - cur.tb < ms_[i].te - ms_[i].tb) it->second = static_cast<int>(i);
    }
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    std::vector<uint32_t> subj(n, UINT32_MAX);
    std::vector<uint8_t> cop(n, 0), neg(n, 0);
    for (uint32_t x = 0; x < n; ++x) {
      const Token& t = doc_.tokens[x];
      if (t.head < 0 || static_cast<uint32_t>(t.head) >= n) continue;
      const auto h = static_cast<uint32_t>(t.head);
      if (t.deprel == "nsubj") subj[h] = x;
      if (t.deprel == "cop") cop[h] = 1;
      if (lower_[x] == "not" || lower_[x] == "n't" || lower_[x] == "never") neg[h] = 1;
    }
    for (size_t i = n_base_; i < ms_.size(); ++i) {
      const M& m = ms_[i];
      const uint32_t h = heads[i];
      if (!cop[h] || neg[h] || subj[h] == UINT32_MAX) continue;
      // A coordinated predicate is the coordination, not its first conjunct.
      if (ms_[static_cast<size_t>(any_by_head.at(h))].coord && !m.coord) continue;
      if (doc_.tokens[h].upos != "NOUN" && doc_.tokens[h].upos != "PROPN" && !m.partitive) continue;
      const auto it = any_by_head.find(subj[h]);
      if (it == any_by_head.end()) continue;
      const M& a = ms_[static_cast<size_t>(it->second)];
      if (a.te > m.tb) continue;
      const std::string ta = clusterType(find(it->second)),
                        tb = clusterType(find(static_cast<int>(i)));
      if (!ta.empty() && !tb.empty() && ta != tb && ta != "MISC" && tb != "MISC") continue;
      unite(it->second, static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < ms_.size(); ++i) {
    const M& m = ms_[i];
    if (m.kind == Kind::kPronoun) continue;
    const Token& t = doc_.tokens[heads[i]];
    if (t.deprel != "appos" || t.head < 0) continue;
    const auto it = by_head.find(static_cast<uint32_t>(t.head));
    if (it == by_head.end()) continue;
    const M& a = ms_[static_cast<size_t>(it->second)];
    if (a.tb <= m.tb && m.te <= a.te) continue;  // nested: not an apposition of it
    const std::string ta = clusterType(find(it->second)),
                      tb = clusterType(find(static_cast<int>(i)));
    if (!ta.empty() && !tb.empty() && ta != tb && ta != "MISC" && tb != "MISC") continue;
    unite(it->second, static_cast<int>(i));
  }
}

void Resolver::build() {
  // New mentions: own names, nominals and pronouns; keep entity-layer mentions in place.
  std::vector<Mention> out;
  std::vector<int> index_of(ms_.size(), -1);
  std::vector<Kind> kind_of;  // per output mention
  // Entity-layer mentions keep their order; own ones are merged in by position.
  // Common-noun phrases that stayed singletons are dropped (as in Lee et al. 2013); the others
  // are merged in by position (stable: ties keep the base mentions first).
  std::vector<uint32_t> cluster_size(ms_.size(), 0);
  for (size_t i = 0; i < ms_.size(); ++i)
    ++cluster_size[static_cast<size_t>(find(static_cast<int>(i)))];
  std::vector<std::pair<uint32_t, int>> order;
  for (size_t i = 0; i < ms_.size(); ++i) {
    if (ms_[i].kind == Kind::kCommon &&
        cluster_size[static_cast<size_t>(find(static_cast<int>(i)))] < 2)
      continue;
    order.push_back({ms_[i].tb, static_cast<int>(i)});
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return ms_[static_cast<size_t>(x.second)].te > ms_[static_cast<size_t>(y.second)].te;
  });
  std::vector<Mention> old = doc_.mentions;
  std::vector<Mention> merged;
  for (const auto& [tb, i] : order) {
    const M& m = ms_[i];
    Mention mm;
    if (m.doc_mention >= 0) {
      mm = old[m.doc_mention];
    } else {
      mm.token_begin = m.tb;
      mm.token_end = m.te;
      mm.start = doc_.tokens[m.tb].start;
      mm.end = doc_.tokens[m.te - 1].end;
      mm.sentence = m.sent;
      mm.head_token = m.head_tok != UINT32_MAX ? m.head_tok : m.te - 1;
      mm.type = m.type.empty() ? (m.kind == Kind::kPronoun ? "" : "MISC") : m.type;
      mm.source = m.source;
    }
    index_of[i] = static_cast<int>(merged.size());
    kind_of.push_back(m.kind);
    merged.push_back(std::move(mm));
  }
  // Clusters in order of first mention.
  std::map<int, int> entity_of_root;
  doc_.entities.clear();
  for (size_t i = 0; i < ms_.size(); ++i) {
    if (index_of[i] < 0) continue;
    const int r = find(static_cast<int>(i));
    auto it = entity_of_root.find(r);
    int eid;
    if (it == entity_of_root.end()) {
      eid = static_cast<int>(doc_.entities.size());
      entity_of_root[r] = eid;
      Entity e;
      e.id = eid;
      doc_.entities.push_back(std::move(e));
    } else {
      eid = it->second;
    }
    Mention& mm = merged[index_of[i]];
    mm.entity = eid;
    doc_.entities[eid].mentions.push_back(static_cast<uint32_t>(index_of[i]));
  }
  for (auto& e : doc_.entities) {
    std::sort(e.mentions.begin(), e.mentions.end());
    // Name: the longest name mention (tokens, then characters); else the first nominal; else
    // the first mention.
    int best = -1;
    size_t best_len = 0;
    std::map<std::string, int> codes;
    std::map<std::string, int> types;
    for (uint32_t mi : e.mentions) {
      const Mention& mm = merged[mi];
      if (!mm.code.empty()) ++codes[mm.code];
      const bool name = kind_of[mi] == Kind::kName;
      if (name && !mm.type.empty() && mm.type != "MISC") ++types[mm.type];
      const size_t tokens = mm.token_end - mm.token_begin;
      const size_t len =
          (name ? 1000 : 0) + (kind_of[mi] == Kind::kNominal ? 500 : 0) +
          (kind_of[mi] == Kind::kCommon ? std::min<size_t>(tokens, 40) : tokens) * 10;
      if (best < 0 || len > best_len) {
        best = static_cast<int>(mi);
        best_len = len;
      }
    }
    if (best >= 0) {
      const Mention& bm = merged[best];
      std::string_view text = doc_.slice(bm.start, bm.end);
      e.name = std::string(text);
      if (!bm.actor_id.empty()) e.actor_id = bm.actor_id;
    }
    int best_count = 0;
    for (const auto& [code, count] : codes) {
      if (count > best_count) {
        best_count = count;
        e.code = code;
      }
    }
    if (e.actor_id.empty()) {
      for (uint32_t mi : e.mentions)
        if (merged[mi].code == e.code && !merged[mi].actor_id.empty()) {
          e.actor_id = merged[mi].actor_id;
          break;
        }
    }
    int best_type = 0;
    for (const auto& [t, count] : types) {
      if (count > best_type) {
        best_type = count;
        e.type = t;
      }
    }
    if (e.type.empty()) {
      for (uint32_t mi : e.mentions)
        if (!merged[mi].type.empty() && merged[mi].type != "MISC") {
          e.type = merged[mi].type;
          break;
        }
    }
    // A cluster of common-noun phrases only is typed by its head nouns: places ("the
    // island", "the room"), groups ("the team") and kinds of people ("users", "fans").
    if (e.type.empty() || e.type == "MISC") {
      for (uint32_t mi : e.mentions) {
        if (kind_of[mi] != Kind::kCommon) continue;
        const std::string_view t = commonNounType(lower_[merged[mi].head_token]);
        if (!t.empty()) {
          e.type = std::string(t);
          break;
        }
      }
    }
    // A cluster of personal pronouns only ("I ... my", "you", "we ... us") is a person.
    if (e.type.empty() || e.type == "MISC") {
      for (uint32_t mi : e.mentions) {
        if (kind_of[mi] == Kind::kPronoun &&
            in(lower_[merged[mi].head_token],
               {"i", "me", "my", "myself", "you", "your", "yourself", "we", "us", "our", "he",
                "him", "his", "himself", "she", "her", "herself"})) {
          e.type = "PER";
          break;
        }
      }
    }
  }
  doc_.mentions = std::move(merged);
}

void Resolver::run() {
  prepareTokens();
  detectMentions();
  detectCommonNouns();
  initAttrs();
  passExact();
  passAppositive();
  passAcronym();
  passPartialName();
  passRoleNominal();
  passPronoun();
  passFirstPerson();
  passApposDeps();
  passCommonHead(true);
  passCommonHead(false);
  passPronounToCommon();
  build();
}

}  // namespace

Status CorefResolver::process(Document& doc) const {
  Resolver r(doc);
  r.run();
  doc.layers |= Document::kCoref | Document::kMentions;
  return Status::ok();
}

}  // namespace annalist::coref
