// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "tests/extract/nlp_test_support.h"

using kg::extract::testing::Confidence;
using kg::extract::testing::Describe;
using kg::extract::testing::FindEntity;
using kg::extract::testing::Has;
using kg::extract::testing::Run;

TEST_SUITE("extract/relations") {
  TEST_CASE("each relation type is found in a plain news sentence") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Nvidia said it will invest $5 billion in new factories.", "Nvidia", "invests",
         "$5 billion"},
        {"Microsoft has taken a 49% stake in OpenAI.", "Microsoft", "invests_in", "OpenAI"},
        {"Moonshot, backed by Tencent, raised new funds.", "Tencent", "invests_in", "Moonshot"},
        {"Samsung Electronics announced a partnership with OpenAI on memory chips.",
         "Samsung Electronics", "partners_with", "OpenAI"},
        {"Baidu competes with Tencent in cloud services.", "Baidu", "competes_with", "Tencent"},
        {"The move pits Baidu against Tencent and Alibaba.", "Baidu", "competes_with",
         "Alibaba Group"},
        {"Baidu will go head to head with Tencent.", "Baidu", "competes_with", "Tencent"},
        {"Google on Tuesday released Gemini 2.5 Pro to developers.", "Google", "develops",
         "Gemini 2.5 Pro"},
        {"The Ascend 910B was developed by Huawei.", "Huawei", "develops", "Ascend 910B"},
        {"Waymo, a subsidiary of Alphabet, expanded its fleet.", "Waymo", "subsidiary_of",
         "Alphabet"},
        {"Intel CEO Lip-Bu Tan met investors.", "Lip-Bu Tan", "ceo_of", "Intel"},
        {"Sam Altman, chief executive of OpenAI, spoke on Monday.", "Sam Altman", "ceo_of",
         "OpenAI"},
        {"Microsoft was co-founded by Bill Gates.", "Bill Gates", "founder_of", "Microsoft"},
        {"Oracle chairman Larry Ellison bought more shares.", "Larry Ellison", "chairman_of",
         "Oracle"},
        {"Analyst Dan Ives of Wedbush raised his target.", "Dan Ives", "works_for", "Wedbush"},
        {"Claude 3.5 Sonnet outperforms GPT-4o on coding tests.", "Claude 3.5 Sonnet",
         "outperforms", "GPT-4o"},
        {"Meta said Llama 3.1 has 405 billion parameters.", "Llama 3.1", "has_parameters",
         "405 billion parameters"},
        {"Apple reported revenue of $94.9 billion for the quarter.", "Apple", "reports_revenue",
         "$94.9 billion"},
        {"Tesla said net income fell to $1.1 billion.", "Tesla", "reports_net_income",
         "$1.1 billion"},
        {"Anthropic uses Trainium chips from Amazon.", "Anthropic", "uses", "Trainium"},
        {"Arm is headquartered in Cambridge.", "Arm Holdings", "located_in", "Cambridge"},
        {"The deal is worth EUR 10 billion ($10.8 billion).", "EUR 10 billion", "equals",
         "$10.8 billion"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("coordinated objects each get a relation") {
    const auto record =
        Run("Alibaba remains locked in a price war with Baidu, Tencent and JD.com this year.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Alibaba Group", "competes_with", "Baidu"));
    CHECK(Has(record, "Alibaba Group", "competes_with", "Tencent"));
    CHECK(Has(record, "Alibaba Group", "competes_with", "JD.com"));
  }

  TEST_CASE("a list introduced by 'such as' after a trigger is expanded") {
    const auto record =
        Run("Tencent has made investments in several AI startups, such as Moonshot and MiniMax, "
            "and robotics startups like Unitree.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Tencent", "invests_in", "Moonshot"));
    CHECK(Has(record, "Tencent", "invests_in", "MiniMax"));
    CHECK(Has(record, "Tencent", "invests_in", "Unitree"));
  }

  TEST_CASE("appositions name the role and the company") {
    const auto record = Run("Lisa Su, AMD's CEO, presented the MI300X accelerator.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Lisa Su", "ceo_of", "AMD"));
  }

  TEST_CASE("a bare role takes the document's main company") {
    const auto record =
        Run("Zentra Robotics opened a new plant. Zentra Robotics expects strong demand.\n\n"
            "CEO Hanna Lindqvist said the plant would double output.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Hanna Lindqvist", "ceo_of", "Zentra Robotics"));
  }

  TEST_CASE("active and passive founding sentences agree") {
    CHECK(Has(Run("Jensen Huang founded Nvidia in 1993."), "Jensen Huang", "founder_of", "Nvidia"));
    CHECK(Has(Run("Nvidia was founded by Jensen Huang in 1993."), "Jensen Huang", "founder_of",
              "Nvidia"));
  }

  TEST_CASE("negated statements yield no relation") {
    for (const char* text : {"Apple did not partner with Baidu on the project.",
                             "Samsung denied that it had agreed a partnership with Qualcomm.",
                             "Intel has no plans to invest in Cerebras.",
                             "Amazon never competed with Shopify, the filing said."}) {
      CAPTURE(text);
      const auto record = Run(text);
      CAPTURE(Describe(record));
      CHECK(record.relations.empty());
    }
  }

  TEST_CASE("hedged statements keep the relation at lower confidence") {
    const double plain = Confidence(Run("Microsoft invested in Mistral AI last year."), "Microsoft",
                                    "invests_in", "Mistral AI");
    const double hedged = Confidence(Run("Microsoft reportedly invested in Mistral AI last year."),
                                     "Microsoft", "invests_in", "Mistral AI");
    REQUIRE(plain > 0);
    REQUIRE(hedged > 0);
    CHECK(hedged < plain);
    CHECK(plain <= 1.0);
  }

  TEST_CASE("relations respect the ontology's subject and object types") {
    const auto record = Run("Jensen Huang competes with Lisa Su for customers.");
    CHECK_FALSE(Has(record, "Jensen Huang", "competes_with", "Lisa Su"));
  }

  TEST_CASE("a company descriptor resolves to the salient company") {
    const auto record =
        Run("Alibaba shares rose on Monday. Alibaba said cloud sales grew.\n\n"
            "Meanwhile, the company is also benefitting from its AI partnership with Apple.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Alibaba Group", "partners_with", "Apple"));
  }

  TEST_CASE("'its' refers back to the sentence's company") {
    const auto record =
        Run("Apple, which sells the iPhone, is integrating OpenAI's models into its Siri "
            "assistant.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Apple", "develops", "Siri"));
    CHECK_FALSE(Has(record, "OpenAI", "develops", "Siri"));
  }

  TEST_CASE("'its' skips the companies of a phrase fronted before the subject") {
    const auto founded =
        Run("Founded in 2020 by two former Google engineers, Veltrix Networks employs 200 "
            "people and counts Harlow Technologies and Kelmont Group among its customers.");
    CAPTURE(Describe(founded));
    CHECK(Has(founded, "Kelmont Group", "uses", "Veltrix Networks"));
    CHECK_FALSE(Has(founded, "Kelmont Group", "uses", "Google"));
    // Without a fronted phrase the sentence's first company is still the one meant.
    const auto plain =
        Run("Veltrix Networks, which hired two former Google engineers, counts Harlow Technologies "
            "among its customers.");
    CAPTURE(Describe(plain));
    CHECK(Has(plain, "Harlow Technologies", "uses", "Veltrix Networks"));
  }

  TEST_CASE("an earlier sentence's 'at Google DeepMind' is not what the next 'its' means") {
    const auto record = Run(
        "Zentrix Labs raised $40 million on Monday.\n\n"
        "Mia Holt, Zentrix Labs' chief executive, co-founded the company in 2023 with Ana Ruiz; "
        "both previously worked at Google DeepMind.\n\n"
        "Its latest model, Orvane 2, beat OpenAI's Sora 2 in blind tests.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Zentrix Labs", "develops", "Orvane 2"));
    CHECK_FALSE(Has(record, "Google DeepMind", "develops", "Orvane 2"));
  }

  TEST_CASE("'its' after owners: the sentence's opening owner, else the last one named") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Technologies' units are used in servers built around Nvidia's chips, and its "
         "customers include Harlow Technologies and Kelmont Group.",
         "Kelmont Group", "uses", "Zentrix Technologies"},
        // An earlier sentence's fronted phrase names no subject to carry over either.
        {"Founded in 2022 by Ana Ruiz, a former researcher at Google DeepMind, Zentrix Labs "
         "sells software. Its customers include Harlow Technologies.",
         "Harlow Technologies", "uses", "Zentrix Labs"},
        // A pronoun inside the fronted phrase ("its chief executive") does not end it.
        {"Zentrix Labs raised money on Monday. Founded in 2022 by Mia Holt, its chief executive, "
         "and Ana Ruiz, a former researcher at Google DeepMind who is now its chief scientist, "
         "Zentrix Labs sells software. Its customers include Harlow Technologies.",
         "Harlow Technologies", "uses", "Zentrix Labs"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Technologies' units are used in servers built around Nvidia's chips, and its "
         "customers include Harlow Technologies and Kelmont Group.",
         "Kelmont Group", "uses", "Nvidia"},
        {"Founded in 2022 by Ana Ruiz, a former researcher at Google DeepMind, Zentrix Labs "
         "sells software. Its customers include Harlow Technologies.",
         "Harlow Technologies", "uses", "Google DeepMind"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("a slot filled from the document takes its most mentioned entity of any fitting type") {
    // "uses" takes a chip, a model, a product or a company: the article's company, named
    // three times, not the chip it names once.
    const char* text =
        "Halvern Semiconductor raised $50 million. Halvern Semiconductor makes the HX-2 chip for "
        "data centres. Halvern Semiconductor said sales doubled. Early customers include Fairlane "
        "Health and Kestrel Bank.";
    const kg::extract::testing::RelationCase cases[] = {
        {text, "Fairlane Health", "uses", "Halvern Semiconductor"},
        {text, "Kestrel Bank", "uses", "Halvern Semiconductor"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        {text, "Fairlane Health", "uses", "HX-2"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("a ticker in parentheses becomes the company's ticker and alias") {
    const auto record =
        Run("Shares of Palantir Technologies (NYSE: PLTR) and Zorblax Inc. (ZRBX) rose.");
    // Named as the text names it: the lexicon's "Palantir" with the word the text adds.
    const auto* palantir = FindEntity(record, "Palantir Technologies", "Company");
    REQUIRE(palantir != nullptr);
    CHECK(palantir->ticker == "PLTR");
    const auto* zorblax = FindEntity(record, "Zorblax Inc.", "Company");
    REQUIRE(zorblax != nullptr);
    CHECK(zorblax->ticker == "ZRBX");
    CHECK(std::find(zorblax->aliases.begin(), zorblax->aliases.end(), "ZRBX") !=
          zorblax->aliases.end());
  }

  TEST_CASE("a parent's ticker after a division stays with the parent") {
    const auto record = Run("Amazon Web Services (AMZN) cut prices for storage.");
    const auto* aws = FindEntity(record, "Amazon Web Services", "Company");
    REQUIRE(aws != nullptr);
    CHECK(aws->ticker.empty());
  }

  TEST_CASE("surface forms of one company merge into its canonical node") {
    const auto record =
        Run("Alibaba Group Holding Ltd. (BABA) rose. Alibaba said more. Alibaba's cloud grew, and "
            "BABA shares gained.");
    int companies = 0;
    for (const auto& entity : record.entities) companies += entity.type == "Company";
    CHECK(companies == 1);
    const auto* alibaba = FindEntity(record, "Alibaba Group", "Company");
    REQUIRE(alibaba != nullptr);
    CHECK(alibaba->count >= 4);
  }

  TEST_CASE("a known company is named as its article names it, without a legal suffix") {
    // The lexicon's canonical name where the text uses it, else the fuller form it uses.
    const auto fuller = Run("Amkor Technology is building a plant in Peoria, Arizona.");
    CHECK(FindEntity(fuller, "Amkor Technology", "Company") != nullptr);
    const auto both = Run("Amkor Technology is building a plant. Amkor said it would hire.");
    CHECK(FindEntity(both, "Amkor", "Company") != nullptr);
    const auto suffixed = Run("Microsoft Corp. said sales rose.");
    CHECK(FindEntity(suffixed, "Microsoft", "Company") != nullptr);
    const auto headline = Run("FORD MOTOR CO RAISES DIVIDEND\n\nThe carmaker raised it.");
    CHECK(FindEntity(headline, "FORD MOTOR", "Company") == nullptr);
    // A fuller form written with a legal suffix names the company without it.
    const auto full = Run("Micron Technology Inc. said sales rose.");
    CAPTURE(Describe(full));
    CHECK(FindEntity(full, "Micron Technology", "Company") != nullptr);
    const auto trust = Run("Mitsui Trust and Banking Co Ltd said profit rose.");
    CAPTURE(Describe(trust));
    CHECK(FindEntity(trust, "Mitsui Trust and Banking", "Company") != nullptr);
  }

  TEST_CASE("people are found by title, role and given name and their surnames merge") {
    const auto record =
        Run("Analyst Mei Tanaka of Norvell Securities expects growth. Ms. Tanaka said demand is "
            "strong. Economist Rafael Ortiz agreed.");
    const auto* tanaka = FindEntity(record, "Mei Tanaka", "Person");
    REQUIRE(tanaka != nullptr);
    CHECK(tanaka->count == 2);
    CHECK(FindEntity(record, "Norvell Securities", "Company") != nullptr);
    CHECK(FindEntity(record, "Rafael Ortiz", "Person") != nullptr);
    CHECK(Has(record, "Mei Tanaka", "works_for", "Norvell Securities"));
  }

  TEST_CASE("evidence spans index the sentence in bytes") {
    const std::string text =
        "Intro line here.\n\nNvidia\xE2\x80\x99s rival AMD competes with Intel.";
    const auto record = Run(text);
    REQUIRE(!record.relations.empty());
    for (const auto& relation : record.relations) {
      const auto& evidence = relation.evidence;
      CHECK(text.substr(static_cast<std::size_t>(evidence.span_start),
                        static_cast<std::size_t>(evidence.span_end - evidence.span_start)) ==
            evidence.sentence);
      CHECK(!evidence.rule.empty());
      CHECK(evidence.confidence > 0);
      CHECK(evidence.confidence <= 1);
    }
  }
}

namespace {

// Whether `subject` has any relation of type `relation` in the record.
bool HasAny(const kg::graph::DocumentRecord& record, std::string_view subject,
            std::string_view relation) {
  for (const auto& mention : record.relations) {
    if (mention.type == relation &&
        record.entities[static_cast<std::size_t>(mention.subject)].name == subject) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_SUITE("extract/relations") {
  TEST_CASE("a title after an unrecognised organisation's name is not credited to another") {
    const auto record =
        Run("Veltrix Systems reported strong results on Monday. Association chairman Maria Olsen "
            "said the rules would change. Board Chairman Tomas Brandt warned of higher rates.");
    CAPTURE(Describe(record));
    CHECK_FALSE(HasAny(record, "Maria Olsen", "chairman_of"));
    CHECK_FALSE(HasAny(record, "Tomas Brandt", "chairman_of"));
    // A title with no name before it still takes the article's company.
    const auto plain =
        Run("Veltrix Systems reported strong results on Monday. Chairman Maria Olsen said the "
            "company would expand.");
    CHECK(Has(plain, "Maria Olsen", "chairman_of", "Veltrix Systems"));
  }

  TEST_CASE("a possessive owner right before a figure is the one reporting it") {
    const auto record =
        Run("EBay's net revenue for the quarter rose to $935.8m, boosted by growth at its PayPal "
            "payment service.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "eBay", "reports_revenue", "$935.8m"));
    CHECK_FALSE(HasAny(record, "PayPal", "reports_revenue"));
  }

  TEST_CASE("per-share figures are not revenue, income or spending") {
    const auto record = Run(
        "Veltrix Systems expects earnings of $1.62 per share. Kelmont Group forecast net profit of "
        "$1.48 to $1.52 a share, and revenue rose by 8% to $4.2 billion.");
    CAPTURE(Describe(record));
    CHECK_FALSE(HasAny(record, "Veltrix Systems", "reports_net_income"));
    CHECK_FALSE(HasAny(record, "Kelmont Group", "reports_net_income"));
    // A "by" that gives a measure does not end the gap.
    CHECK(Has(record, "Kelmont Group", "reports_revenue", "$4.2 billion"));
    // A newswire results table's "Shr", "per share earnings", and the smaller figure after
    // "or" in "76.9 mln dlrs or 3.26 dlrs" are per share too.
    const auto wire = Run(
        "Kelmont Group said net earnings rose to 76.9 mln dlrs or 3.26 dlrs from 73.1 mln dlrs. "
        "Kelmont Group said per share earnings rose 28 pct to 616 cts.\n\n"
        "Shr profit 80 cts vs profit 15 cts");
    CAPTURE(Describe(wire));
    CHECK(Has(wire, "Kelmont Group", "reports_net_income", "76.9 mln dlrs"));
    CHECK_FALSE(Has(wire, "Kelmont Group", "reports_net_income", "3.26 dlrs"));
    CHECK_FALSE(Has(wire, "Kelmont Group", "reports_net_income", "616 cts"));
    CHECK_FALSE(Has(wire, "Kelmont Group", "reports_net_income", "80 cts"));
  }

  TEST_CASE("results stated without the company are the paragraph's, else the article's") {
    const auto record =
        Run("Kelmont Group reported third-quarter results on Thursday.\n\n"
            "Revenue rose 30% to $33.1 billion. Net income was $12.2 billion.\n\n"
            "Analysts said Zentrix Labs expects revenue to rise.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Kelmont Group", "reports_revenue", "$33.1 billion"));
    CHECK(Has(record, "Kelmont Group", "reports_net_income", "$12.2 billion"));
    CHECK_FALSE(HasAny(record, "Zentrix Labs", "reports_revenue"));
  }

  TEST_CASE("a slot after 'by' or 'based on' belongs to another phrase") {
    const auto record = Run(
        "Norvane Capital holds a 10% stake in the offshore block operated by Brightwell Energy. "
        "Veltrix Systems is poised to produce its own browser based on Firefox. Norvane Capital "
        "also took a stake in Brightwell Energy.");
    CAPTURE(Describe(record));
    CHECK_FALSE(HasAny(record, "Veltrix Systems", "develops"));
    // Only the second sentence states the stake.
    CHECK(Has(record, "Norvane Capital", "invests_in", "Brightwell Energy"));
    CHECK(Confidence(record, "Norvane Capital", "invests_in", "Brightwell Energy") > 0);
  }

  TEST_CASE("a possessive ending an acquisition or stake owns what changed hands") {
    const auto record =
        Run("Kelmont Group has bought Harlow Systems's hybrid technology. Veltrix Capital bought "
            "Harlow Systems last year.");
    CAPTURE(Describe(record));
    // Buying a company is taking a stake in it (the ontology's invests_in).
    CHECK(Has(record, "Veltrix Capital", "invests_in", "Harlow Systems"));
    CHECK_FALSE(Has(record, "Kelmont Group", "invests_in", "Harlow Systems"));
  }

  TEST_CASE("a role before a hyphenated given name takes the whole name") {
    const auto record =
        Run("\"Prices will rise,\" said economist Marie-Pierre Ripert at Veltrix Capital. Chief "
            "executive Jean-Francois Theodore of Kelmont Group agreed.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Marie-Pierre Ripert", "works_for", "Veltrix Capital"));
    CHECK(Has(record, "Jean-Francois Theodore", "ceo_of", "Kelmont Group"));
  }

  TEST_CASE("a role filled from context yields to the person's company stated elsewhere") {
    const auto record = Run(
        "Veltrix Systems reported record sales on Monday. Harlow Group chief executive Anna Berg "
        "said demand was strong. \"Prices will rise,\" chief executive Anna Berg added. Chief "
        "executive Tomas Brandt said Veltrix Systems would hire.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Anna Berg", "ceo_of", "Harlow Group"));
    CHECK_FALSE(Has(record, "Anna Berg", "ceo_of", "Veltrix Systems"));
    CHECK(Has(record, "Tomas Brandt", "ceo_of", "Veltrix Systems"));
  }

  TEST_CASE("a place-based descriptor belongs to the name after it, even an unrecognised one") {
    const auto record =
        Run("Veltrix Systems reported record sales. The Austin-based firm Kelvane Robotics said it "
            "would hire. The Edinburgh-based firm QRX has married speech technology with search.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Kelvane Robotics", "located_in", "Austin"));
    CHECK_FALSE(Has(record, "Veltrix Systems", "located_in", "Austin"));
    CHECK_FALSE(Has(record, "Veltrix Systems", "located_in", "Edinburgh"));
    // With no name after it, the descriptor is the article's company.
    const auto plain =
        Run("Veltrix Systems reported record sales. The Austin-based firm said it "
            "would hire.");
    CHECK(Has(plain, "Veltrix Systems", "located_in", "Austin"));
  }

  TEST_CASE("the doer is the name an apposition with a possessive describes") {
    const auto record = Run(
        "Tencent's spending fell 24% to 13 billion yuan in the quarter. Chairman Pony Ma, who "
        "co-founded the company in 1998, said Tencent would not cut prices.\n\nTencent Cloud, the "
        "group's cloud computing division, has opened data centres in Brazil, Chile and Japan, "
        "and plans one in Paris.\n");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Tencent Cloud", "located_in", "Brazil"));
    CHECK(Has(record, "Tencent Cloud", "located_in", "Japan"));
    CHECK_FALSE(Has(record, "Tencent", "located_in", "Brazil"));
  }

  TEST_CASE("a title holder's company is the clause's subject, not a prepositional object") {
    const auto record = Run(
        "Kelmont Group has committed $3 billion to Veltrix Systems and sold its stake in Harlow "
        "Energy to help pay for it, Chief Financial Officer Anna Berg told reporters.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Anna Berg", "works_for", "Kelmont Group"));
    CHECK_FALSE(Has(record, "Anna Berg", "works_for", "Harlow Energy"));
  }

  TEST_CASE("a denial governs the whole clause it introduces") {
    const char* claim = "it has opened a data centre in Malaysia and partnered with Kelmont Group.";
    const auto stated = Run(std::string("Veltrix Systems said ") + claim);
    CHECK(Has(stated, "Veltrix Systems", "partners_with", "Kelmont Group"));
    CHECK(Has(stated, "Veltrix Systems", "located_in", "Malaysia"));
    const auto denied = Run(std::string("Veltrix Systems denied a report that ") + claim);
    CAPTURE(Describe(denied));
    CHECK_FALSE(HasAny(denied, "Veltrix Systems", "partners_with"));
    CHECK_FALSE(HasAny(denied, "Veltrix Systems", "located_in"));
  }

  TEST_CASE("share classes, bought shares and modified titles name no company of their own") {
    const auto record = Run(
        "Veltrix Systems said on Monday that more than 50 pct of its B shares were owned by "
        "foreigners. Kelmont Group said it bought 73,000 Harlow Energy shares last week. The "
        "Liberal Democrat parliamentary chairman Matthew Taylor criticised the plan. \"It would "
        "have been a boost,\" Capel and Co analyst Tom Murtha said.");
    CAPTURE(Describe(record));
    CHECK(FindEntity(record, "B") == nullptr);
    CHECK_FALSE(HasAny(record, "Harlow Energy", "subsidiary_of"));
    CHECK_FALSE(HasAny(record, "Matthew Taylor", "chairman_of"));
    CHECK_FALSE(HasAny(record, "Tom Murtha", "works_for"));
  }

  TEST_CASE("a glued title prefix and modifiers before bought shares are seen through") {
    const auto record = Run(
        "Veltrix Systems reported results. Tory co-chairman Liam Fox opened the debate. Kelmont "
        "Group said it bought 36,700 Harlow Transport common shares on Monday.");
    CAPTURE(Describe(record));
    CHECK_FALSE(HasAny(record, "Liam Fox", "chairman_of"));
    CHECK_FALSE(HasAny(record, "Harlow Transport", "subsidiary_of"));
  }

  TEST_CASE("attributions: a quote's negation stays inside it; 'head of X at Y'; the speaker") {
    const auto quoted =
        Run("\"Pricing power has never been stronger,\" said Anna Berg, co-founder of Kelvane "
            "Research. \"It is not cheap,\" said Tomas Brandt, head of China equity research at "
            "Harlow Securities.");
    CAPTURE(Describe(quoted));
    CHECK(Has(quoted, "Anna Berg", "founder_of", "Kelvane Research"));
    CHECK(Has(quoted, "Tomas Brandt", "works_for", "Harlow Securities"));
    const auto speaker = Run(
        "Existing investors including Kelmont Capital and Harlow Ventures also took part in the "
        "round, Veltrix Robotics said.");
    CAPTURE(Describe(speaker));
    CHECK(Has(speaker, "Kelmont Capital", "invests_in", "Veltrix Robotics"));
    CHECK(Has(speaker, "Harlow Ventures", "invests_in", "Veltrix Robotics"));
  }

  TEST_CASE("lists step over appositions; a passive agent after a descriptive apposition") {
    const auto founders =
        Run("Veltrix Robotics was founded in 2022 by Anna Berg, a former engineer at Harlow "
            "Dynamics, and "
            "Tomas Brandt, who previously led research at Kelmont University.");
    CAPTURE(Describe(founders));
    CHECK(Has(founders, "Anna Berg", "founder_of", "Veltrix Robotics"));
    CHECK(Has(founders, "Tomas Brandt", "founder_of", "Veltrix Robotics"));
    const auto passive = Run("Cursor, the AI code editor developed by Anysphere, added the model.");
    CAPTURE(Describe(passive));
    CHECK(Has(passive, "Anysphere", "develops", "Cursor"));
  }

  TEST_CASE("'the Tokyo-based conglomerate said' refers to the article's company") {
    const auto record = Run(
        "Kelmont Group reported results on Tuesday. Revenue for the quarter came to 1.83 trillion "
        "yen, the Tokyo-based conglomerate said. Net income rose 19% to 63.1 billion yen, the "
        "Tokyo-based company said.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Kelmont Group", "reports_revenue", "1.83 trillion yen"));
    CHECK(Has(record, "Kelmont Group", "reports_net_income", "63.1 billion yen"));
    CHECK(Has(record, "Kelmont Group", "located_in", "Tokyo"));
  }

  TEST_CASE("'A and B' partner only through a verb of their own, not a trailing 'contracts'") {
    const auto rivals =
        Run("Veltrix Systems competes with Kelmont Group and Harlow Energy for corporate cloud "
            "contracts.");
    CAPTURE(Describe(rivals));
    CHECK_FALSE(Has(rivals, "Kelmont Group", "partners_with", "Harlow Energy"));
    const auto partners = Run("Kelmont Group and Harlow Energy formed a joint venture on Monday.");
    CAPTURE(Describe(partners));
    CHECK(Has(partners, "Kelmont Group", "partners_with", "Harlow Energy"));
  }

  TEST_CASE("a variant named after a model a company releases is that company's") {
    const auto record =
        Run("Veltrix Labs on Monday released Kestra-2, a family of open models. A smaller model, "
            "Kestra-2 Flash, has 32 billion parameters.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Veltrix Labs", "develops", "Kestra-2 Flash"));
    // Not from a possessive in passing, nor over the owner the text names.
    const auto rivals = Run(
        "Veltrix Labs said Orbix 5 beats OpenAI's GPT-5 and GPT-5-Chat. Harlow Technologies will "
        "update Kestra next year, while Zentrix Labs's Kestra Max ships now.");
    CAPTURE(Describe(rivals));
    CHECK_FALSE(Has(rivals, "OpenAI", "develops", "GPT-5-Chat"));
    CHECK_FALSE(Has(rivals, "Harlow Technologies", "develops", "Kestra Max"));
  }

  TEST_CASE("hardware rented or bought from a company, and a company naming its own thing") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs trains its models on Nvidia H100 chips rented from Kelmont Cloud.",
         "Zentrix Labs", "uses", "Kelmont Cloud"},
        {"Zentrix Labs trained its model on 4,000 H200 chips from Nvidia, leased from Kelmont "
         "Cloud.",
         "Zentrix Labs", "uses", "Kelmont Cloud"},
        {"Zentrix Labs said its new servers will be supplied by Harlow Technologies.",
         "Zentrix Labs", "uses", "Harlow Technologies"},
        {"Zentrix Labs trained its Kestra-2 model on public data.", "Zentrix Labs", "develops",
         "Kestra-2"},
        {"Veltrix Systems' app runs on Nvidia H100 chips.", "Veltrix Systems", "uses", "H100"},
    };
    kg::extract::testing::CheckRelations(cases);
    // "Nvidia H100": the company names the chip; it is neither the renter nor the thing run on,
    // and a model trained on a chip is no chip the trainer develops.
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs trains its models on Nvidia H100 chips rented from Kelmont Cloud.", "Nvidia",
         "uses", "Kelmont Cloud"},
        {"Zentrix Labs trains its models on Nvidia H100 chips rented from Kelmont Cloud.",
         "Zentrix Labs", "develops", "H100"},
        {"Veltrix Systems' app runs on Nvidia H100 chips.", "Veltrix Systems", "uses", "Nvidia"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("located_in: not where shares trade, not a chip maker's, the relative clause's own") {
    const kg::extract::testing::RelationCase wrong[] = {
        {"Kelmont Group shares rose 0.8% in New York.", "Kelmont Group", "located_in", "New York"},
        {"Veltrix Labs released two models. Veltrix Labs said the models were trained on Nvidia "
         "H200 chips in a data centre in Cheonan.",
         "Nvidia", "located_in", "Cheonan"},
        {"Veltrix Systems competes with Harlow Technologies, which is building its own plant in "
         "Peoria, Arizona.",
         "Veltrix Systems", "located_in", "Peoria"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
    const kg::extract::testing::RelationCase right[] = {
        {"Veltrix Systems competes with Harlow Technologies, which is building its own plant in "
         "Peoria, Arizona.",
         "Harlow Technologies", "located_in", "Peoria"},
    };
    kg::extract::testing::CheckRelations(right);
  }

  TEST_CASE("investors named in lists and stakes stated as percentages") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs, which was founded in 2023, has raised about $150 million from investors "
         "including Harlow Capital and Kelmont Ventures.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs's backers include Harlow Capital and Kelmont Ventures.", "Kelmont Ventures",
         "invests_in", "Zentrix Labs"},
        {"Zentrix Labs, which is 55% owned by Harlow Capital, reported higher sales.",
         "Harlow Capital", "invests_in", "Zentrix Labs"},
    };
    kg::extract::testing::CheckRelations(cases);
    // A percentage makes the owner an investor, not the parent of a subsidiary; a relative
    // clause after the last of a list is that member's alone.
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs, which is 55% owned by Harlow Capital, reported higher sales.",
         "Zentrix Labs", "subsidiary_of", "Harlow Capital"},
        {"He founded Zentrix Labs with Dana Whitlock, a researcher, and Ravi Menon, who is also "
         "chief executive of Kelmont Group.",
         "Dana Whitlock", "ceo_of", "Kelmont Group"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("located_in: a town and its state in an apposition, a laboratory, a business") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs will acquire Tremont Controls Corp, a Worcester, Mass., maker of valves.",
         "Tremont Controls Corp", "located_in", "Worcester"},
        {"Zentrix Labs will acquire Tremont Controls Corp, a Worcester, Mass., maker of valves.",
         "Tremont Controls Corp", "located_in", "Massachusetts"},
        {"Zentrix Labs will use the money to open a laboratory in Basel, Switzerland.",
         "Zentrix Labs", "located_in", "Basel"},
        {"Zentrix Labs also owns Payvista, a Dublin-based payroll business it bought in 2021.",
         "Payvista", "located_in", "Dublin"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("located_in: where a company employs people") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs reported revenue of EUR410m last year, and employs 1,300 people in the "
         "Netherlands, Belgium and Germany.",
         "Zentrix Labs", "located_in", "Belgium"},
        {"Founded in 2020, Zentrix Labs employs about 210 people in Tel Aviv and Haifa.",
         "Zentrix Labs", "located_in", "Haifa"},
    };
    kg::extract::testing::CheckRelations(cases);
    // Whoever the people are employed by, not a company they serve.
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs sells software to Harlow Motors, which employs 900 people in Ohio.",
         "Zentrix Labs", "located_in", "Ohio"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("a facility's owner is the clause's doer, not a preposition's object or an owner") {
    const kg::extract::testing::RelationCase cases[] = {
        // A fronted phrase's comma is no list's: the company after it is the doer.
        {"In Germany, Zentrix Labs uses Kelmont Cloud for its factories.", "Zentrix Labs", "uses",
         "Kelmont Cloud"},
        {"Zentrix Labs supplies cells to Harlow Motors and Kelmont Group from factories in "
         "Sparks, Nevada.",
         "Zentrix Labs", "located_in", "Sparks"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs supplies cells to Harlow Motors and Kelmont Group from factories in "
         "Sparks, Nevada.",
         "Kelmont Group", "located_in", "Sparks"},
        {"Zentrix Labs supplies cells to Harlow Motors and Kelmont Group from factories in "
         "Sparks, Nevada.",
         "Harlow Motors", "located_in", "Sparks"},
        {"Zentrix Labs rents capacity from Kelmont Cloud, which will run Nvidia's GB300 chips "
         "for it at a data centre in Finland.",
         "Nvidia", "located_in", "Finland"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("suppliers: licensing designs to, said to supply, picked for, said to be a customer") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs already licenses its RISC-V designs to Harlow Motors and Kelmont Group.",
         "Kelmont Group", "uses", "Zentrix Labs"},
        {"Zentrix Labs is also said to supply chips to Harlow Motors, according to a person "
         "familiar with the matter.",
         "Harlow Motors", "uses", "Zentrix Labs"},
        {"Harlow Motors is also said to be a customer of Zentrix Labs.", "Harlow Motors", "uses",
         "Zentrix Labs"},
        {"Harlow Motors picks Zentrix Labs for phone chip sets.", "Harlow Motors", "uses",
         "Zentrix Labs"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("brands a firm makes, and things code-named after a verb of developing") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Rivals Harlow Group, which makes Quillo vodka, and Zentrix Labs reported weaker sales.",
         "Harlow Group", "develops", "Quillo"},
        {"Zentrix Labs is also designing its own AI server chip, code-named Baltra, with "
         "Broadcom.",
         "Zentrix Labs", "develops", "Baltra"},
    };
    kg::extract::testing::CheckRelations(cases);
    // A chip a foundry makes is no brand of the foundry's.
    const auto foundry = Run("Kelmont Foundry makes Orion chips in Taiwan.");
    CAPTURE(Describe(foundry));
    CHECK(FindEntity(foundry, "Orion", "Product") == nullptr);
  }

  TEST_CASE("an outside director's title is no appointment as chief executive") {
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs named Jane Doe, chief executive of Harlow Motors, to its board.", "Jane Doe",
         "ceo_of", "Zentrix Labs"},
        {"Zentrix Labs, which sells the Quillo phone, reported higher sales.", "Zentrix Labs",
         "develops", "Quillo"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("successions and appointments name the new chief executive") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs said Mark Hale will be succeeded as chief executive by Ruth Adair, 47.",
         "Ruth Adair", "ceo_of", "Zentrix Labs"},
        {"Zentrix Labs has appointed Rajiv Mehta chief executive, effective April.", "Rajiv Mehta",
         "ceo_of", "Zentrix Labs"},
        {"Rajiv Mehta will become chief executive of Zentrix Labs.", "Rajiv Mehta", "ceo_of",
         "Zentrix Labs"},
        {"He will be replaced by Klaus Brenner, a Harlow Motors manager.", "Klaus Brenner",
         "works_for", "Harlow Motors"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("in a roundup of labelled briefs, context is the brief's own company") {
    const auto record = Run(
        "Zentrix Labs raised money. Zentrix Labs hired staff. Zentrix Labs opened an office.\n\n"
        "KELMONT: Kelmont Group said sales rose 9%. Chief executive Mia Holt said demand "
        "was strong.\n\nZentrix Labs also said it would expand.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Mia Holt", "ceo_of", "Kelmont Group"));
    CHECK_FALSE(Has(record, "Mia Holt", "ceo_of", "Zentrix Labs"));
  }

  TEST_CASE("investors who join a round, own part of a company or are among its backers") {
    const kg::extract::testing::RelationCase cases[] = {
        // A stake stated beside another's: both are stated, neither yields.
        {"Zentrix Labs raised $450 million in a round led by Harlow Capital, with participation "
         "from Kelmont Ventures.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs raised $69 million in a round led by Harlow Capital, with Kelmont "
         "Ventures, the investment firm of a founder, also taking part.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs is majority-owned by the private equity firm Kelmont Ventures.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs, which is jointly owned by Harlow Capital and Kelmont Ventures, makes "
         "chips.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs, whose backers include Kelmont Ventures, raised $20 million.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        // "The round" is the article's: its main company, whoever else the sentence names.
        {"Zentrix Labs raised $50 million on Monday. Harlow Capital, Nvidia's venture arm, and "
         "Kelmont Ventures also took part in the round, Zentrix Labs said.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        // The round is the raiser's, however often the article names another company.
        {"Zentrix Robotics said it had raised $140 million in a round led by Harlow Capital. "
         "Nvidia makes chips. Nvidia sells them to Amazon. Nvidia's chips power robots. Kelmont "
         "Ventures also took part in the round.",
         "Kelmont Ventures", "invests_in", "Zentrix Robotics"},
        // "Also took part" closing its clause is the article's round too.
        {"Zentrix Labs raised $50 million in a round led by Harlow Capital. Kelmont Ventures "
         "and Orvane Partners also took part.",
         "Orvane Partners", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs raised $50 million in a round led by Harlow Capital. Kelmont Ventures "
         "also took part, along with existing investors Orvane Partners and Brightwater Capital.",
         "Brightwater Capital", "invests_in", "Zentrix Labs"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        // Taking part in something else is no stake.
        {"Zentrix Labs raised $50 million in a round led by Harlow Capital. Kelmont Ventures "
         "also took part in the talks with regulators.",
         "Kelmont Ventures", "invests_in", "Zentrix Labs"},
        {"Zentrix Labs raised $50 million on Monday. Harlow Capital, Nvidia's venture arm, and "
         "Kelmont Ventures also took part in the round, Zentrix Labs said.",
         "Kelmont Ventures", "invests_in", "Harlow Capital"},
        {"Zentrix Labs raised $50 million on Monday. Harlow Capital, Nvidia's venture arm, and "
         "Kelmont Ventures also took part in the round, Zentrix Labs said.",
         "Kelmont Ventures", "invests_in", "Nvidia"},
        {"Zentrix Labs is minority-owned by Kelmont Ventures.", "Zentrix Labs", "subsidiary_of",
         "Kelmont Ventures"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("'X, the deputy chairman,' works for the article's company") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Kelmont Software named a new chief on Monday. Kelmont Software said Paul Whitford, the "
         "deputy chairman, led the search.",
         "Paul Whitford", "works_for", "Kelmont Software"},
        {"Kelmont Software said profits rose, according to Paul Whitford, its finance director.",
         "Paul Whitford", "works_for", "Kelmont Software"},
    };
    kg::extract::testing::CheckRelations(cases);
    // "a former vice chairman" says nothing of whom he served.
    const kg::extract::testing::RelationCase wrong[] = {
        {"Kelmont Software named a new chief on Monday. Kelmont Software said Paul Whitford, a "
         "former vice chairman, led the search.",
         "Paul Whitford", "works_for", "Kelmont Software"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("'who is now its chief executive': the relative clause states the current role") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Kelmont Group was founded in 2019 by Zhou Lan, a former Harlow Technologies engineer "
         "who is now its chief executive.",
         "Zhou Lan", "ceo_of", "Kelmont Group"},
        {"Zhou Lan, who is now Kelmont Group's chief executive, spoke.", "Zhou Lan", "ceo_of",
         "Kelmont Group"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zhou Lan, a former chief executive of Kelmont Group, spoke.", "Zhou Lan", "ceo_of",
         "Kelmont Group"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
  }

  TEST_CASE("customers and suppliers named from either side give 'uses'") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Kelmont Semiconductor counts Harlow Technologies as its largest customer.",
         "Harlow Technologies", "uses", "Kelmont Semiconductor"},
        {"Kelmont Semiconductor's customers include Harlow Technologies and Veltrix Systems.",
         "Veltrix Systems", "uses", "Kelmont Semiconductor"},
        {"Veltrix Foundry is the main supplier to Harlow Technologies.", "Harlow Technologies",
         "uses", "Veltrix Foundry"},
        {"Veltrix Foundry, Harlow Technologies' biggest contract manufacturer, raised prices.",
         "Harlow Technologies", "uses", "Veltrix Foundry"},
        {"Harlow Technologies' suppliers include Veltrix Foundry and Kelmont Semiconductor.",
         "Harlow Technologies", "uses", "Kelmont Semiconductor"},
        {"Kelmont Semiconductor counts Harlow Technologies and Veltrix Systems among its "
         "customers.",
         "Veltrix Systems", "uses", "Kelmont Semiconductor"},
        {"Sales in Europe, where Kelmont Semiconductor supplies Harlow Technologies and Veltrix "
         "Systems, rose 12%.",
         "Veltrix Systems", "uses", "Kelmont Semiconductor"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("paying for a stake: the price is invested and the stake is in the company") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Harlow Technologies will pay $150 million for a 5% stake in Veltrix Systems.",
         "Harlow Technologies", "invests_in", "Veltrix Systems"},
        {"Harlow Technologies will pay $150 million for a 5% stake in Veltrix Systems.",
         "Harlow Technologies", "invests", "$150 million"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase fines[] = {
        {"Harlow Technologies will pay $725 million for the company's privacy lapses.",
         "Harlow Technologies", "invests", "$725 million"},
    };
    kg::extract::testing::CheckRelations(fines, false);
  }

  TEST_CASE("a list of objects ends where a new clause's verb follows a member") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Kelmont Semiconductor supplies Harlow Technologies and Veltrix Systems makes its own.",
         "Veltrix Systems", "uses", "Kelmont Semiconductor"},
    };
    kg::extract::testing::CheckRelations(cases, false);
  }

  TEST_CASE("'Name, Firm's co-founder and chief executive' with neither name known") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Laia Ferrer, Parlamo's co-founder and chief executive, said sales doubled.",
         "Laia Ferrer", "ceo_of", "Parlamo"},
        {"Laia Ferrer, Parlamo's co-founder and chief executive, said sales doubled.",
         "Laia Ferrer", "founder_of", "Parlamo"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("'whose X software' is the last member's; a versioned name before a chip noun") {
    const auto whose =
        Run("Zentrix competes with Sage Group, Ledgora and Intuit, whose QuickBooks software "
            "dominates.");
    CAPTURE(Describe(whose));
    CHECK(Has(whose, "Intuit", "develops", "QuickBooks"));
    CHECK_FALSE(Has(whose, "Sage Group", "develops", "QuickBooks"));
    const kg::extract::testing::EntityCase cases[] = {
        {"Oracle agreed to buy 200,000 NX-4 inference accelerators from Zentrix.", "NX-4", "Chip"},
        {"Orbia powers Veltro Chat, the company's consumer app.", "Veltro Chat", "Product"},
        // One word before a chip noun, with its owner before it.
        {"Kelmont Group said its current Orvane chips are made by Zentrix.", "Orvane", "Chip"},
        {"Kelmont Group's Orvane accelerators are made by Zentrix.", "Orvane", "Chip"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // A name with its version between commas after its owner's model noun.
    const auto reel =
        Run("Zentrix Labs raised money. Its latest model, Orvane 2, can generate clips and beat "
            "OpenAI's Sora 2 in blind tests.");
    CAPTURE(Describe(reel));
    CHECK(FindEntity(reel, "Orvane 2", "Model") != nullptr);
    // A unit named after its known parent, in an apposition that says so, is its own firm.
    const auto unit = Run(
        "Nokia said sales rose. Nokia Mobile Phones, the Finnish group's handset unit, is based "
        "in Salo.");
    CAPTURE(Describe(unit));
    CHECK(FindEntity(unit, "Nokia Mobile Phones", "Company") != nullptr);
    // Without an owner, one unknown word before "chips" may be their maker.
    const auto maker = Run("Demand for Zentrix chips rose.");
    CAPTURE(Describe(maker));
    CHECK(FindEntity(maker, "Zentrix", "Chip") == nullptr);
  }

  TEST_CASE("a courtesy title between a role and a name; 'which is chaired by'") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Veltrix Systems chairman Sir Michael Colman said the deal would help.", "Michael Colman",
         "chairman_of", "Veltrix Systems"},
        {"The deal was approved by the board of Veltrix Systems, which is chaired by Jane Roe.",
         "Jane Roe", "chairman_of", "Veltrix Systems"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("a chip made by a foundry is not the foundry's design; a model made by a lab is") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Labs said Kestra-2, a language model made by Harlow Labs, beats its rivals.",
         "Harlow Labs", "develops", "Kestra-2"},
        {"Zentrix Labs's Orion X200 accelerators, which are made by Kelmont Foundry, sell well.",
         "Zentrix Labs", "uses", "Kelmont Foundry"},
    };
    kg::extract::testing::CheckRelations(cases);
    const kg::extract::testing::RelationCase wrong[] = {
        {"Zentrix Labs's Orion X200 accelerators, which are made by Kelmont Foundry, sell well.",
         "Kelmont Foundry", "develops", "Orion X200"},
    };
    kg::extract::testing::CheckRelations(wrong, false);
    // The maker of a chip the document says a company designs supplies that company.
    const auto made =
        Run("Zentrix Labs on Tuesday unveiled the Orion X3, a laptop processor. The Orion X3 is "
            "manufactured by Kelmont Foundry, which also makes chips for Harlow Technologies.");
    CAPTURE(Describe(made));
    CHECK(Has(made, "Zentrix Labs", "develops", "Orion X3"));
    CHECK(Has(made, "Zentrix Labs", "uses", "Kelmont Foundry"));
    CHECK_FALSE(Has(made, "Kelmont Foundry", "develops", "Orion X3"));
    for (const auto& relation : made.relations) CHECK(relation.type != "made_by");
  }

  TEST_CASE("a negated verb before an owner's thing leaves the owner developing it") {
    const auto record =
        Run("Veltrix Labs said its Orion model did not beat Meta's Llama 4 Scout on benchmarks.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Meta", "develops", "Llama 4 Scout"));
    CHECK_FALSE(Has(record, "Orion", "outperforms", "Llama 4 Scout"));
  }

  TEST_CASE("owners that include investors are invested in the company") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Veltrix Systems' owners, which include Harlow Capital and Nvidia, will receive cash.",
         "Nvidia", "invests_in", "Veltrix Systems"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("founders listed with appositions after each are all founders") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Veltrix Systems was founded in 2019 by Yael Brenner, its chief executive, and Dov "
         "Kaspi, its chief technology officer.",
         "Dov Kaspi", "founder_of", "Veltrix Systems"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("an object written as 'Owner's Thing' is the thing when the slot takes it") {
    const auto record = Run("Veltrix Cloud will run on Kelmont Semiconductor's Orion X200 chips.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Veltrix Cloud", "uses", "Orion X200"));
    CHECK_FALSE(Has(record, "Veltrix Cloud", "uses", "Kelmont Semiconductor"));
    // No thing after the owner: the owner stays the object.
    const auto owner = Run("Veltrix Systems relies on Kelmont Semiconductor's cloud.");
    CAPTURE(Describe(owner));
    CHECK(Has(owner, "Veltrix Systems", "uses", "Kelmont Semiconductor"));
  }

  TEST_CASE(
      "buying from a supplier is no acquisition; buying a company's unit is not the company") {
    const auto supplier = Run("Harlow Technologies buys processors from Kelmont Semiconductor.");
    CAPTURE(Describe(supplier));
    CHECK(Has(supplier, "Harlow Technologies", "uses", "Kelmont Semiconductor"));
    CHECK_FALSE(Has(supplier, "Harlow Technologies", "invests_in", "Kelmont Semiconductor"));
    const auto unit = Run("HARLOW <HRL> BUYS KELMONT GROUP <KLM> BUS UNIT\n\nThe deal closed.");
    CAPTURE(Describe(unit));
    CHECK_FALSE(Has(unit, "Harlow", "invests_in", "Kelmont Group"));
    const auto bought =
        Run("Harlow Technologies said it bought the bus unit of Kelmont Group Inc.");
    CAPTURE(Describe(bought));
    CHECK_FALSE(Has(bought, "Harlow Technologies", "invests_in", "Kelmont Group"));
    CHECK_FALSE(Has(bought, "Harlow Technologies", "subsidiary_of", "Kelmont Group"));
  }

  TEST_CASE("acquisitions: the price paid, the company bought, and passives") {
    const auto record = Run("Harlow Technologies agreed to acquire Zentrix for $3.2 billion.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Harlow Technologies", "invests", "$3.2 billion"));
    CHECK(Has(record, "Harlow Technologies", "invests_in", "Zentrix"));
    const auto passive = Run(
        "Analysts said Zentrix, which was acquired by Harlow Technologies for $3.2 billion, grew.");
    CAPTURE(Describe(passive));
    CHECK_FALSE(Has(passive, "Zentrix", "invests", "$3.2 billion"));
    const auto noun = Run("The acquisition of Zentrix by Harlow Technologies closed on Monday.");
    CAPTURE(Describe(noun));
    CHECK(Has(noun, "Harlow Technologies", "invests_in", "Zentrix"));
    const auto counterfactual = Run(
        "Kelmont Group ended the deal, in which Harlow Technologies would have bought 80 pct of "
        "Zentrix Corp.");
    CAPTURE(Describe(counterfactual));
    CHECK_FALSE(Has(counterfactual, "Harlow Technologies", "invests_in", "Zentrix Corp"));
    const auto terminated =
        Run("Harlow Technologies announced the termination of its agreement with Kelmont Group.");
    CAPTURE(Describe(terminated));
    CHECK_FALSE(Has(terminated, "Harlow Technologies", "partners_with", "Kelmont Group"));
  }

  TEST_CASE("stakes: a percentage of a company, and shares of it") {
    const auto percent = Run("Harlow Industries holds 9.5 pct of Zentrix Corp's shares.");
    CAPTURE(Describe(percent));
    CHECK(Has(percent, "Harlow Industries", "invests_in", "Zentrix Corp"));
    const auto shares = Run("Kelmont Capital holds shares of Veltrix Systems.");
    CAPTURE(Describe(shares));
    CHECK(Has(shares, "Kelmont Capital", "invests_in", "Veltrix Systems"));
    // The clause's own subject: "he" bought them, not the agency before him.
    const auto other = Run(
        "Kelmont Capital told the Harlow Commission Inc he has acquired 38,000 shares of Veltrix "
        "Systems.");
    CAPTURE(Describe(other));
    CHECK_FALSE(Has(other, "Harlow Commission Inc", "invests_in", "Veltrix Systems"));
  }

  TEST_CASE("chief executives by 'heads', 'named ... as', 'as X's CEO' and 'under CEO'") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Maria Lindqvist, who heads Veltrix Systems, declined to comment.", "Maria Lindqvist",
         "ceo_of", "Veltrix Systems"},
        {"Veltrix Systems named Maria Lindqvist as its new chief executive.", "Maria Lindqvist",
         "ceo_of", "Veltrix Systems"},
        {"The board named Maria Lindqvist chief executive of Veltrix Systems.", "Maria Lindqvist",
         "ceo_of", "Veltrix Systems"},
        {"Maria Lindqvist took over as Veltrix Systems' chief executive in 2021.",
         "Maria Lindqvist", "ceo_of", "Veltrix Systems"},
        {"Under CEO Maria Lindqvist, Veltrix Systems has grown quickly.", "Maria Lindqvist",
         "ceo_of", "Veltrix Systems"},
    };
    kg::extract::testing::CheckRelations(cases);
    // Heading a company's unit is not heading the company.
    const auto unit = Run("Maria Lindqvist, who heads Veltrix Systems' cloud unit, spoke.");
    CAPTURE(Describe(unit));
    CHECK_FALSE(Has(unit, "Maria Lindqvist", "ceo_of", "Veltrix Systems"));
  }

  TEST_CASE(
      "units, places by apposition, results 'at' a company, and founders by relative clause") {
    const auto unit = Run("Veltrix Cloud is Veltrix Systems' cloud computing division.");
    CAPTURE(Describe(unit));
    CHECK(Has(unit, "Veltrix Cloud", "subsidiary_of", "Veltrix Systems"));
    const auto place = Run("Zentrix Robotics, the Oslo startup, raised new funds.");
    CAPTURE(Describe(place));
    CHECK(Has(place, "Zentrix Robotics", "located_in", "Oslo"));
    const auto income = Run("Net income at Veltrix Systems climbed to $2.4 billion.");
    CAPTURE(Describe(income));
    CHECK(Has(income, "Veltrix Systems", "reports_net_income", "$2.4 billion"));
    const auto founder = Run("Zentrix Robotics, which Maria Lindqvist co-founded, hired staff.");
    CAPTURE(Describe(founder));
    CHECK(Has(founder, "Maria Lindqvist", "founder_of", "Zentrix Robotics"));
    const auto jointly = Run("Veltrix Systems and Kelmont Group agreed to jointly develop a car.");
    CAPTURE(Describe(jointly));
    CHECK(Has(jointly, "Veltrix Systems", "partners_with", "Kelmont Group"));
  }

  TEST_CASE("a subject before an apposition is the doer of the verb after it") {
    const auto joined = Run("Maria Lindqvist, a Kelmont Group veteran, joined Zentrix Robotics.");
    CAPTURE(Describe(joined));
    CHECK(Has(joined, "Maria Lindqvist", "works_for", "Zentrix Robotics"));
    // "former" belongs to the apposition, not to the founding.
    const auto founded = Run(
        "Maria Lindqvist, a former engineer at Kelmont Group, founded Zentrix Robotics in 2021.");
    CAPTURE(Describe(founded));
    CHECK(Has(founded, "Maria Lindqvist", "founder_of", "Zentrix Robotics"));
    CHECK_FALSE(Has(founded, "Maria Lindqvist", "works_for", "Kelmont Group"));
  }

  TEST_CASE("people named by their company: possessives, 'who leads', multi-word titles") {
    const auto possessive = Run("Kelmont Group's Maria Lindqvist said demand was strong.");
    CAPTURE(Describe(possessive));
    CHECK(Has(possessive, "Maria Lindqvist", "works_for", "Kelmont Group"));
    const auto leads =
        Run("Maria Lindqvist, who leads AI research at Zentrix Robotics, said it was ready.");
    CAPTURE(Describe(leads));
    CHECK(Has(leads, "Maria Lindqvist", "works_for", "Zentrix Robotics"));
    const auto officer =
        Run("Mark Chen, Zentrix Robotics' chief research officer, presented the results.");
    CAPTURE(Describe(officer));
    CHECK(Has(officer, "Mark Chen", "works_for", "Zentrix Robotics"));
    const auto vice = Run("Maria Lindqvist, Kelmont Group's vice president, said it was ready.");
    CAPTURE(Describe(vice));
    CHECK(Has(vice, "Maria Lindqvist", "works_for", "Kelmont Group"));
    const auto vice_chair = Run("Kelmont Group vice chairman Maria Lindqvist said it was ready.");
    CAPTURE(Describe(vice_chair));
    CHECK_FALSE(Has(vice_chair, "Maria Lindqvist", "chairman_of", "Kelmont Group"));
    CHECK(Has(vice_chair, "Maria Lindqvist", "works_for", "Kelmont Group"));
  }

  TEST_CASE("products by apposition and by name, integrations, customers and supplies") {
    const auto before = Run("Zentrix Robotics' latest model, Vega-2, beats GPT-4o on coding.");
    CAPTURE(Describe(before));
    CHECK(Has(before, "Zentrix Robotics", "develops", "Vega-2"));
    const auto after = Run("Vega-2, Zentrix Robotics' new model, is available today.");
    CAPTURE(Describe(after));
    CHECK(Has(after, "Zentrix Robotics", "develops", "Vega-2"));
    const auto called = Run("Zentrix Robotics is building a chip called Vega X1.");
    CAPTURE(Describe(called));
    const auto* chip = FindEntity(called, "Vega X1");
    REQUIRE(chip != nullptr);
    CHECK(chip->type == "Chip");
    CHECK(Has(called, "Zentrix Robotics", "develops", "Vega X1"));
    const auto integrate = Run("Kelmont Group will integrate ChatGPT into its products.");
    CAPTURE(Describe(integrate));
    CHECK(Has(integrate, "Kelmont Group", "uses", "ChatGPT"));
    const auto customer = Run("Zentrix Robotics is one of Kelmont Group's largest customers.");
    CAPTURE(Describe(customer));
    CHECK(Has(customer, "Zentrix Robotics", "uses", "Kelmont Group"));
    const auto supply = Run("Kelmont Group will supply cloud capacity to Zentrix Robotics.");
    CAPTURE(Describe(supply));
    CHECK(Has(supply, "Zentrix Robotics", "uses", "Kelmont Group"));
    const auto chips = Run("Zentrix Robotics bought 10,000 Nvidia H100 chips for its cluster.");
    CAPTURE(Describe(chips));
    CHECK(Has(chips, "Zentrix Robotics", "uses", "H100"));
    CHECK_FALSE(Has(chips, "Zentrix Robotics", "invests_in", "Nvidia"));
  }

  TEST_CASE("pretax, operating and gross profit are not net income") {
    const auto record =
        Run("Kelmont Group said pre-tax profit rose to 60 mln dlrs. Kelmont Group said operating "
            "profit rose to 50 mln dlrs. Kelmont Group said net profit rose to 40 mln dlrs.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Kelmont Group", "reports_net_income", "40 mln dlrs"));
    CHECK_FALSE(Has(record, "Kelmont Group", "reports_net_income", "60 mln dlrs"));
    CHECK_FALSE(Has(record, "Kelmont Group", "reports_net_income", "50 mln dlrs"));
  }

  TEST_CASE("places: 'the Paris startup', 'X in Munich said'") {
    const auto apposition = Run("Zentrix Robotics, the Oslo startup, raised new funds.");
    CAPTURE(Describe(apposition));
    CHECK(Has(apposition, "Zentrix Robotics", "located_in", "Oslo"));
    const auto said = Run("Officials at Kelmont Group in Munich said the deal was signed.");
    CAPTURE(Describe(said));
    CHECK(Has(said, "Kelmont Group", "located_in", "Munich"));
  }

  TEST_CASE("sales to a buyer, supplies 'with', payments 'for', possessive alliances") {
    const auto sold =
        Run("Kelmont Group said it had sold its 31 pct stake in Zentrix Audio, a Belgian speaker "
            "maker, to Harlow Technologies for 140 million guilders.");
    CAPTURE(Describe(sold));
    CHECK(Has(sold, "Harlow Technologies", "invests_in", "Zentrix Audio"));
    CHECK(Has(sold, "Harlow Technologies", "invests", "140 million guilders"));
    CHECK_FALSE(Has(sold, "Kelmont Group", "invests_in", "Zentrix Audio"));
    const auto with =
        Run("Zentrix Semiconductor will supply Harlow Technologies with memory chips.");
    CAPTURE(Describe(with));
    CHECK(Has(with, "Harlow Technologies", "uses", "Zentrix Semiconductor"));
    const auto pays =
        Run("Harlow Technologies will pay Kelmont Group about $1 billion for models.");
    CAPTURE(Describe(pays));
    CHECK(Has(pays, "Harlow Technologies", "uses", "Kelmont Group"));
    const auto alliance =
        Run("Kelmont Group's car alliance with Zentrix Motors sold 400,000 cars.");
    CAPTURE(Describe(alliance));
    CHECK(Has(alliance, "Kelmont Group", "partners_with", "Zentrix Motors"));
  }

  TEST_CASE("chief executives who remain so, and 'founder and chief executive' appositions") {
    const auto remain =
        Run("Zentrix Corp sold a stake to Kelmont Group. Zentrix president Walter H. Brandt, who "
            "founded the company in 1979, will remain its chief executive.");
    CAPTURE(Describe(remain));
    CHECK(Has(remain, "Walter H. Brandt", "ceo_of", "Zentrix Corp"));
    const auto both = Run("Yang Zhilin, Zentrix Robotics' founder and chief executive, spoke.");
    CAPTURE(Describe(both));
    CHECK(Has(both, "Yang Zhilin", "ceo_of", "Zentrix Robotics"));
    CHECK(Has(both, "Yang Zhilin", "founder_of", "Zentrix Robotics"));
  }

  TEST_CASE("coreference by clause and paragraph; appositions after lists; teams; built-in") {
    const auto clause =
        Run("Kelmont Foundry said Zentrix Systems would make a version of its Orion X1 accelerator "
            "there.");
    CAPTURE(Describe(clause));
    CHECK(Has(clause, "Zentrix Systems", "develops", "Orion X1"));
    CHECK_FALSE(Has(clause, "Kelmont Foundry", "develops", "Orion X1"));
    const auto list =
        Run("Anthropic and Zentrix Labs, a Berlin-based maker of video tools, agreed.");
    CAPTURE(Describe(list));
    CHECK(Has(list, "Zentrix Labs", "located_in", "Berlin"));
    CHECK_FALSE(Has(list, "Anthropic", "located_in", "Berlin"));
    const auto team =
        Run("The model was built by Google's Gemini team and has about 1.2 trillion parameters.");
    CAPTURE(Describe(team));
    CHECK_FALSE(Has(team, "Gemini", "has_parameters", "1.2 trillion parameters"));
    const auto into = Run("Zentrix Motors will build ChatGPT into its vehicles.");
    CAPTURE(Describe(into));
    CHECK(Has(into, "Zentrix Motors", "uses", "ChatGPT"));
    CHECK_FALSE(Has(into, "Zentrix Motors", "develops", "ChatGPT"));
    // "the company" in a brief of its own is that brief's company.
    const auto briefs = Run(
        "Kelmont Group said sales rose. Kelmont Group opened a plant. Kelmont Group hired staff."
        "\n\nZentrix Systems reported results on Monday. Zentrix Cloud, the company's cloud "
        "computing arm, grew fastest.");
    CAPTURE(Describe(briefs));
    CHECK(Has(briefs, "Zentrix Cloud", "subsidiary_of", "Zentrix Systems"));
    CHECK_FALSE(Has(briefs, "Zentrix Cloud", "subsidiary_of", "Kelmont Group"));
  }

  TEST_CASE(
      "funding rounds, boards, staff in places, units, supplies and products in appositions") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Zentrix Robotics, the Oslo start-up backed by Kelmont Capital, released a robot.",
         "Kelmont Capital", "invests_in", "Zentrix Robotics"},
        {"Zentrix Robotics had raised $180 million from investors including Kelmont Capital.",
         "Kelmont Capital", "invests_in", "Zentrix Robotics"},
        {"Zentrix Robotics' board is chaired by Kelmont partner Maria Lindqvist.",
         "Maria Lindqvist", "chairman_of", "Zentrix Robotics"},
        {"Its co-founder and chief executive, Maria Lindqvist, spoke. Zentrix Robotics grew.",
         "Maria Lindqvist", "founder_of", "Zentrix Robotics"},
        {"Zentrix Robotics employs about 210 people in Oslo and Bergen.", "Zentrix Robotics",
         "located_in", "Bergen"},
        {"Zentrix Robotics will operate as a unit of Kelmont Group's robotics group.",
         "Zentrix Robotics", "subsidiary_of", "Kelmont Group"},
        {"Zentrix Semiconductor supplies most of the memory in Kelmont Group's servers.",
         "Kelmont Group", "uses", "Zentrix Semiconductor"},
        {"Zentrix Robotics' main product, Meshline, runs on Kelmont Group's Orion X1 chips.",
         "Zentrix Robotics", "develops", "Meshline"},
        {"Zentrix Robotics' main product, Meshline, runs on Kelmont Group's Orion X1 chips.",
         "Meshline", "uses", "Orion X1"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("forecasts and prices are not results; parents; areas; code names; acronyms") {
    const auto forecast =
        Run("Analysts have forecast Kelmont Group's full-year profit will rise to $720 million.");
    CAPTURE(Describe(forecast));
    CHECK_FALSE(Has(forecast, "Kelmont Group", "reports_net_income", "$720 million"));
    const auto price = Run("Kelmont Group said its average sales price fell to 138 dlrs per ton.");
    CAPTURE(Describe(price));
    CHECK_FALSE(Has(price, "Kelmont Group", "reports_revenue", "138 dlrs"));
    const auto parent = Run("For Kelmont Group, Zentrix Systems' parent, the sums are small.");
    CAPTURE(Describe(parent));
    CHECK(Has(parent, "Zentrix Systems", "subsidiary_of", "Kelmont Group"));
    const auto prefix = Run("Zentrix Systems parent Kelmont Group reported results.");
    CAPTURE(Describe(prefix));
    CHECK(Has(prefix, "Zentrix Systems", "subsidiary_of", "Kelmont Group"));
    const auto county = Run("Kelmont Group is building two factories in Licking County, Ohio.");
    CAPTURE(Describe(county));
    CHECK(Has(county, "Kelmont Group", "located_in", "Licking County"));
    const auto code = Run("Kelmont Group is designing its own server chip, code-named Baltra.");
    CAPTURE(Describe(code));
    CHECK(Has(code, "Kelmont Group", "develops", "Baltra"));
    const auto acronym =
        Run("The chip is made by Zentrix Foundry Corp (ZFC), the Shanghai-based foundry, analysts "
            "said.");
    CAPTURE(Describe(acronym));
    CHECK(Has(acronym, "Zentrix Foundry Corp", "located_in", "Shanghai"));
    const auto rotating =
        Run("Kelmont Group reported results. Rotating chairman Maria Lindqvist said demand rose.");
    CAPTURE(Describe(rotating));
    CHECK(Has(rotating, "Maria Lindqvist", "chairman_of", "Kelmont Group"));
  }

  TEST_CASE("results reported by a descriptor, changes and levels, capex, roles by copula") {
    const auto descriptor =
        Run("Kelmont Group reported results on Tuesday.\n\nNet income rose to $27.7 billion, or "
            "$3.72 per share, the Redmond, Washington-based company said.");
    CAPTURE(Describe(descriptor));
    CHECK(Has(descriptor, "Kelmont Group", "reports_net_income", "$27.7 billion"));
    const auto change = Run("Kelmont Group said turnover rose $7.2bn to $170.8bn.");
    CAPTURE(Describe(change));
    CHECK(Has(change, "Kelmont Group", "reports_revenue", "$170.8bn"));
    CHECK_FALSE(Has(change, "Kelmont Group", "reports_revenue", "$7.2bn"));
    const auto capex =
        Run("Kelmont Group reported results. Capital expenditures reached $34.9 billion in the "
            "quarter, its finance chief said.");
    CAPTURE(Describe(capex));
    CHECK(Has(capex, "Kelmont Group", "invests", "$34.9 billion"));
    const auto copula = Run(
        "Zentrix Robotics was founded by Kaito Nakamura and Priya Raman. Nakamura is the company's "
        "chief executive; Raman serves as chief technology officer.");
    CAPTURE(Describe(copula));
    CHECK(Has(copula, "Kaito Nakamura", "ceo_of", "Zentrix Robotics"));
    CHECK(Has(copula, "Priya Raman", "works_for", "Zentrix Robotics"));
    const auto rival =
        Run("Kelmont Group, based in Oslo, has emerged as Zentrix Systems' main rival.");
    CAPTURE(Describe(rival));
    CHECK(Has(rival, "Kelmont Group", "competes_with", "Zentrix Systems"));
    const auto stake = Run(
        "Kelmont Group and Zentrix Systems reached an agreement that gives Kelmont Group a stake "
        "of roughly 27% in Zentrix Systems.");
    CAPTURE(Describe(stake));
    CHECK(Has(stake, "Kelmont Group", "invests_in", "Zentrix Systems"));
  }

  TEST_CASE("people who left a job hold it no longer; successors do") {
    for (const char* text :
         {"Kelmont Group said John Smith resigned as chairman and chief executive.",
          "John Smith stepped down as chief executive of Kelmont Group last year.",
          "Kelmont Group ousted its chairman, John Smith, on Friday.",
          "John Smith, who quit as president of Kelmont Group in 1985, said it was wrong."}) {
      CAPTURE(text);
      const auto record = Run(text);
      CAPTURE(Describe(record));
      CHECK_FALSE(HasAny(record, "John Smith", "ceo_of"));
      CHECK_FALSE(HasAny(record, "John Smith", "chairman_of"));
      CHECK_FALSE(HasAny(record, "John Smith", "works_for"));
    }
    const auto successor =
        Run("Kelmont Group said it had appointed John Smith to succeed Mary Jones as chief "
            "executive.");
    CAPTURE(Describe(successor));
    CHECK(Has(successor, "John Smith", "ceo_of", "Kelmont Group"));
  }

  TEST_CASE("'X Corp of Japan' locates the firm; 'Council of Britain' names it") {
    const auto located = Run("Shares rose after Zentrix Motor Co Ltd of Japan said it would buy.");
    CAPTURE(Describe(located));
    CHECK(Has(located, "Zentrix Motor Co Ltd", "located_in", "Japan"));
    const auto plain = Run("Kelmont Group already owns all of Renault of France.");
    CAPTURE(Describe(plain));
    CHECK(Has(plain, "Renault", "located_in", "France"));
    CHECK(Has(plain, "Kelmont Group", "invests_in", "Renault"));
    // "where X has its headquarters": the place before it, and the state after a city.
    const auto where = Run(
        "Sales are run from Dayton, Ohio, where Kelmont Products has its headquarters, and from "
        "Boston, where Zentrix Labs has a small office.");
    CAPTURE(Describe(where));
    CHECK(Has(where, "Kelmont Products", "located_in", "Dayton"));
    CHECK(Has(where, "Kelmont Products", "located_in", "Ohio"));
    CHECK(Has(where, "Zentrix Labs", "located_in", "Boston"));
    // A firm's own noun ("Technology", "Group") does not take the place into its name.
    const auto firm = Run("Zentrix will compete with Kelmont Technology of Boise, Idaho.");
    CAPTURE(Describe(firm));
    CHECK(Has(firm, "Kelmont Technology", "located_in", "Boise"));
    for (const char* text : {"The Muslim Council of Britain said the comments were wrong.",
                             "Liberty Life Association of Africa Ltd said profits rose.",
                             "The Industrial Bank of Japan said profits rose."}) {
      CAPTURE(text);
      const auto record = Run(text);
      CAPTURE(Describe(record));
      for (const auto& mention : record.relations) CHECK(mention.type != "located_in");
    }
  }

  TEST_CASE(
      "no plans, lists that end at a possessive, owners of named things, unnamed appositions") {
    const auto plans =
        Run("Kelmont Group said it had no plans to build a third battery plant in North America.");
    CAPTURE(Describe(plans));
    CHECK_FALSE(HasAny(plans, "Kelmont Group", "located_in"));
    const auto list =
        Run("Maria Lindqvist of Kelmont Capital and Zentrix Securities' Imogen Hale both said the "
            "shares looked cheap.");
    CAPTURE(Describe(list));
    CHECK(Has(list, "Maria Lindqvist", "works_for", "Kelmont Capital"));
    CHECK_FALSE(Has(list, "Maria Lindqvist", "works_for", "Zentrix Securities"));
    const auto owner = Run("Zentrix Labs said it had switched to Orion-3 from OpenAI's GPT-4.1.");
    CAPTURE(Describe(owner));
    CHECK_FALSE(Has(owner, "OpenAI", "develops", "Orion-3"));
    const auto unnamed =
        Run("Kelmont Group reported results. Rivals such as Brown-Forman, the Louisville, "
            "Kentucky-based maker of whiskey, reported weaker sales.");
    CAPTURE(Describe(unnamed));
    CHECK_FALSE(Has(unnamed, "Kelmont Group", "located_in", "Kentucky"));
    const auto longer = Run("Panasonic still owns 20% of Panasonic Automotive Systems.");
    CAPTURE(Describe(longer));
    CHECK(Has(longer, "Panasonic", "invests_in", "Panasonic Automotive Systems"));
  }

  TEST_CASE("an apposition naming a company's flagship or laptop says it develops the thing") {
    const kg::extract::testing::RelationCase cases[] = {
        {"The Orbix 80, Kelmont Group's flagship, uses the Zen 9030 processor.", "Kelmont Group",
         "develops", "Orbix 80"},
        {"The Orbix Pro 14, Zentrix Labs' new laptop, goes on sale in May.", "Zentrix Labs",
         "develops", "Orbix Pro 14"},
    };
    kg::extract::testing::CheckRelations(cases);
  }

  TEST_CASE("brands, employers after 'analyst at', stakes kept, owned things in lists, makers") {
    const auto brands =
        Run("Kelmont Group, whose consumer brands include Lumix cameras and Technics audio "
            "equipment, announced a buyback.");
    CAPTURE(Describe(brands));
    CHECK(Has(brands, "Kelmont Group", "develops", "Lumix"));
    CHECK(Has(brands, "Kelmont Group", "develops", "Technics"));
    const auto analyst = Run("Sarah Olsen, an analyst at Peel Hunt, called it full.");
    CAPTURE(Describe(analyst));
    CHECK(Has(analyst, "Sarah Olsen", "works_for", "Peel Hunt"));
    const auto kept = Run(
        "Kelmont Group said the company had no plans to sell its 34% stake in Zentrix Systems.");
    CAPTURE(Describe(kept));
    CHECK(Has(kept, "Kelmont Group", "invests_in", "Zentrix Systems"));
    const auto list =
        Run("Alibaba said Qwen3 outperforms Meta's Llama 4 Scout and Google's Gemma 3 on tests.");
    CAPTURE(Describe(list));
    CHECK(Has(list, "Qwen3", "outperforms", "Llama 4 Scout"));
    CHECK(Has(list, "Qwen3", "outperforms", "Gemma 3"));
    const auto made = Run("Kelmont Group's Orion X1 chips are made by Zentrix Foundry Corp.");
    CAPTURE(Describe(made));
    CHECK(Has(made, "Kelmont Group", "uses", "Zentrix Foundry Corp."));
    const auto chose =
        Run("Kelmont Group has chosen Zentrix Foundry Corp to manufacture its chips.");
    CAPTURE(Describe(chose));
    CHECK(Has(chose, "Kelmont Group", "uses", "Zentrix Foundry Corp"));
    const auto founders =
        Run("Ori Goshen co-founded Zentrix Labs in 2017 with Yoav Shoham, a researcher, and Amnon "
            "Shashua, who also runs Mobileye.");
    CAPTURE(Describe(founders));
    CHECK(Has(founders, "Yoav Shoham", "founder_of", "Zentrix Labs"));
    CHECK(Has(founders, "Amnon Shashua", "founder_of", "Zentrix Labs"));
  }

  TEST_CASE("more ways to use a supplier, and an order won is the seller's") {
    const kg::extract::testing::RelationCase cases[] = {
        {"Kelmont Group placed an order for 10,000 Orion X1 chips.", "Kelmont Group", "uses",
         "Orion X1"},
        {"Kelmont Group depends heavily on Zentrix Systems for its chips.", "Kelmont Group", "uses",
         "Zentrix Systems"},
        {"Kelmont Group turned to Zentrix Systems for extra computing capacity.", "Kelmont Group",
         "uses", "Zentrix Systems"},
        {"Kelmont Group outsources production to Zentrix Systems.", "Kelmont Group", "uses",
         "Zentrix Systems"},
        {"Kelmont Group contracted Zentrix Systems to build the servers.", "Kelmont Group", "uses",
         "Zentrix Systems"},
        {"Kelmont Group's cluster of 100,000 Nvidia H100 GPUs is the largest.", "Kelmont Group",
         "uses", "H100"},
        // "Is a customer" with no seller named: the article's company.
        {"Zentrix Semiconductor said its line is full. Zentrix Semiconductor is growing. Kelmont "
         "Group is also said to be a customer, while Harlow Technologies is negotiating.",
         "Kelmont Group", "uses", "Zentrix Semiconductor"},
    };
    kg::extract::testing::CheckRelations(cases);
    // A "buyer" in a takeover story is a bidder, not a customer.
    const auto bidder = Run(
        "Zentrix Semiconductor said its line is full. Zentrix Semiconductor is growing. Kelmont "
        "Group was a possible buyer.");
    CAPTURE(Describe(bidder));
    CHECK_FALSE(HasAny(bidder, "Kelmont Group", "uses"));
    const auto won =
        Run("Zentrix Systems won an order for 10,000 Orion X1 chips from Kelmont Group.");
    CAPTURE(Describe(won));
    CHECK_FALSE(Has(won, "Zentrix Systems", "uses", "Orion X1"));
    const auto contingent =
        Run("Holders will receive 3.6 shares of Kelmont Group for each share, depending on Zentrix "
            "Systems' market value.");
    CAPTURE(Describe(contingent));
    CHECK_FALSE(HasAny(contingent, "Kelmont Group", "uses"));
  }

  TEST_CASE("a versioned name without its family, customers counted by 'its', platforms") {
    const auto tail =
        Run("Kelmont Group unveiled the Snapdragon X3 Elite on Monday. Zentrix Systems will ship "
            "laptops powered by the X3 Elite early next year.");
    CAPTURE(Describe(tail));
    CHECK(Has(tail, "Zentrix Systems", "uses", "Snapdragon X3 Elite"));
    const auto counts =
        Run("Zentrix Systems employs 210 people in Haifa and counts Kelmont Group among its "
            "customers.");
    CAPTURE(Describe(counts));
    CHECK(Has(counts, "Kelmont Group", "uses", "Zentrix Systems"));
    const auto platform = Run("The Orion model is available through Zentrix Cloud and Kelmont AI.");
    CAPTURE(Describe(platform));
    CHECK(Has(platform, "Zentrix Cloud", "uses", "Orion"));
    const auto inside = Run("ChatGPT runs inside the camera app of Zentrix's Find X9 phones.");
    CAPTURE(Describe(inside));
    CHECK(Has(inside, "Find X9", "uses", "ChatGPT"));
  }
}
