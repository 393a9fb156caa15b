// SPDX-License-Identifier: MIT
// General relation patterns: titles, founders, funding rounds, stakes and supplier phrases.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "tests/extract/nlp_test_support.h"

using kg::extract::testing::Describe;
using kg::extract::testing::FindEntity;
using kg::extract::testing::Has;
using kg::extract::testing::Run;

using kg::extract::testing::CheckRelations;
using Case = kg::extract::testing::RelationCase;

TEST_SUITE("extract/general") {
  TEST_CASE("people quoted with a firm or a non-CEO officer title work for that firm") {
    const Case cases[] = {
        {"\"Margins will hold,\" said Dana Whitfield, a senior analyst at Gartner.",
         "Dana Whitfield", "works_for", "Gartner"},
        {"Peter Novak of Jefferies expects a strong quarter for Intel.", "Peter Novak", "works_for",
         "Jefferies"},
        {"Laura Chen, Nvidia's chief financial officer, spoke to analysts.", "Laura Chen",
         "works_for", "Nvidia"},
        {"Intel's chief technology officer Mark Hale gave the keynote.", "Mark Hale", "works_for",
         "Intel"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("compound given names and modified role appositions name people, not firms") {
    using kg::extract::testing::FindEntity;
    auto record = Run(
        "Jean-Luc Marchetti, the company's finance director, declined to comment. "
        "\"Demand is firm,\" said Sunniva Tvedtlund, a Bergen-based shipping analyst at Nordvik "
        "Capital. Allen-Bradley Co will supply the control systems.");
    CAPTURE(Describe(record));
    CHECK(FindEntity(record, "Jean-Luc Marchetti", "Person") != nullptr);
    CHECK(FindEntity(record, "Sunniva Tvedtlund", "Person") != nullptr);
    CHECK(Has(record, "Sunniva Tvedtlund", "works_for", "Nordvik Capital"));
    for (const auto& entity : record.entities) {
      if (entity.type == "Person")
        CHECK_MESSAGE(entity.name.find("Allen") == std::string::npos, entity.name);
    }
    CHECK(FindEntity(record, "Allen-Bradley Co", "Company") != nullptr);
    // A new clause after a comma is no apposition: "the prime minister conceded".
    auto clause = Run("Writing in the Daily Telegraph, the prime minister conceded the point.");
    CHECK(FindEntity(clause, "Daily Telegraph", "Person") == nullptr);
  }

  TEST_CASE("only chief executive titles give ceo_of") {
    const Case wrong[] = {
        {"Laura Chen, Nvidia's chief science officer, spoke to analysts.", "Laura Chen", "ceo_of",
         "Nvidia"},
        {"Mark Hale, Intel's chief AI scientist, gave the keynote.", "Mark Hale", "ceo_of",
         "Intel"},
    };
    CheckRelations(wrong, false);
  }

  TEST_CASE("combined titles give every role they name") {
    const Case cases[] = {
        {"Peter Olsen, Intel's chief executive and co-founder, spoke on Monday.", "Peter Olsen",
         "founder_of", "Intel"},
        {"Peter Olsen, Intel's chief executive and co-founder, spoke on Monday.", "Peter Olsen",
         "ceo_of", "Intel"},
        {"Oracle reported results. Chairman and Chief Executive Mark Holt praised staff.",
         "Mark Holt", "chairman_of", "Oracle"},
        {"Oracle reported results. Chairman and Chief Executive Mark Holt praised staff.",
         "Mark Holt", "ceo_of", "Oracle"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("every coordinated founder is found, with or without a date before 'by'") {
    const Case cases[] = {
        {"Founded in 2019 by Peter Olsen and Laura Chen, Cohere sells models to banks.",
         "Peter Olsen", "founder_of", "Cohere"},
        {"Founded in 2019 by Peter Olsen and Laura Chen, Cohere sells models to banks.",
         "Laura Chen", "founder_of", "Cohere"},
        {"Cohere was founded in 2019 by Peter Olsen and Laura Chen.", "Peter Olsen", "founder_of",
         "Cohere"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("round leaders, participating investors and stakes invest in the company") {
    const Case cases[] = {
        {"Cohere raised $500 million in a round led by Nvidia.", "Nvidia", "invests_in", "Cohere"},
        {"Cohere said investors including Cisco, Oracle and Salesforce took part in the round.",
         "Oracle", "invests_in", "Cohere"},
        {"Oracle has invested $2 billion in Cohere.", "Oracle", "invests_in", "Cohere"},
        {"Cisco has taken a small stake in Cohere.", "Cisco", "invests_in", "Cohere"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("selling a stake is not an investment") {
    const Case wrong[] = {
        {"Oracle sold its entire stake in Cohere last year.", "Oracle", "invests_in", "Cohere"},
    };
    CheckRelations(wrong, false);
  }

  TEST_CASE("descriptors after X-based locate the company, trading venues do not") {
    const Case cases[] = {
        {"Cohere said on Monday that the Toronto-based start-up had hired 200 people.", "Cohere",
         "located_in", "Toronto"},
    };
    CheckRelations(cases);
    const Case wrong[] = {
        {"Shares of Intel rose 3% in early trading in New York.", "Intel", "located_in",
         "New York"},
    };
    CheckRelations(wrong, false);
  }

  TEST_CASE("rivals named before a list compete with the sentence's company") {
    const Case cases[] = {
        {"Rivals AMD and Intel have struggled to match Nvidia on software.", "Nvidia",
         "competes_with", "Intel"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("building something with a list of companies partners with each") {
    const Case cases[] = {
        {"TSMC is building a plant in Kumamoto with Sony, Toyota and Intel.", "TSMC",
         "partners_with", "Toyota"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("chip families keep the version written after them") {
    const auto record = Run("Microsoft designed the Maia 100 accelerator for Azure.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Microsoft", "develops", "Maia 100"));
  }

  TEST_CASE("a chief executive named by a title prefix is not also a plain employee") {
    const auto record = Run("Intel Chief Executive Peter Olsen will visit Taiwan.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Peter Olsen", "ceo_of", "Intel"));
    CHECK_FALSE(Has(record, "Peter Olsen", "works_for", "Intel"));
  }

  TEST_CASE("a per-share figure in the same currency is not an equal amount") {
    const auto record = Run("Intel earned $9.1 billion, or $2.10 per share, in the quarter.");
    CAPTURE(Describe(record));
    CHECK_FALSE(Has(record, "$9.1 billion", "equals", "$2.10"));
    const auto converted = Run("Sony earned 500 billion yen, or $3.4 billion, in the year.");
    CAPTURE(Describe(converted));
    CHECK(Has(converted, "500 billion yen", "equals", "$3.4 billion"));
  }

  TEST_CASE("a total several companies spend together is no single company's investment") {
    const auto record =
        Run("Google, Meta and Oracle together plan to spend $200 billion on data centres.");
    CAPTURE(Describe(record));
    CHECK_FALSE(Has(record, "Google", "invests", "$200 billion"));
    CHECK_FALSE(Has(record, "Oracle", "invests", "$200 billion"));
    const auto single = Run("Oracle plans to spend $20 billion on data centres.");
    CAPTURE(Describe(single));
    CHECK(Has(single, "Oracle", "invests", "$20 billion"));
  }

  TEST_CASE("supplier phrases give uses") {
    const Case cases[] = {
        {"Dell builds its servers with processors from Intel and AMD.", "Dell", "uses", "AMD"},
        {"TSMC said orders from Apple rose sharply.", "Apple", "uses", "TSMC"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("a person's possessive company is ownership, not employment") {
    const Case wrong[] = {
        {"Peter Olsen's Cohere raised more money.", "Peter Olsen", "works_for", "Cohere"},
    };
    CheckRelations(wrong, false);
  }

  TEST_CASE("a name after ', and' that starts a new clause is not part of the list") {
    const auto record =
        Run("Oracle has invested $3 billion in Cohere, and Cisco has also bought shares.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Oracle", "invests_in", "Cohere"));
    CHECK_FALSE(Has(record, "Oracle", "invests_in", "Cisco"));
  }

  TEST_CASE("a relative clause naming the owner gives invests_in") {
    const Case cases[] = {
        {"Cohere, the Canadian start-up in which Oracle holds about 10%, hired 50 people.",
         "Oracle", "invests_in", "Cohere"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("a place named as a reference point does not locate the company") {
    const auto record =
        Run("Cohere is building a data centre in Essonne, 30 kilometres south of Paris.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Cohere", "located_in", "Essonne"));
    CHECK_FALSE(Has(record, "Cohere", "located_in", "Paris"));
  }

  TEST_CASE("the region written after a location is a location too") {
    const Case cases[] = {
        {"Philips, based in Eindhoven in the Netherlands, hired staff.", "Philips", "located_in",
         "Netherlands"},
        {"Oracle opened a campus in Austin, Texas.", "Oracle", "located_in", "Texas"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("a family name keeps the number or chip code after it") {
    const Case cases[] = {
        {"Amazon launched Trainium 2 chips for its cloud.", "Amazon", "develops", "Trainium 2"},
        {"AMD shipped the Instinct MI325X to cloud providers.", "AMD", "develops",
         "Instinct MI325X"},
        {"Apple launched the iPhone 16 in September.", "Apple", "develops", "iPhone 16"},
    };
    CheckRelations(cases);
    const Case wrong[] = {
        {"Amazon launched Trainium 2 chips for its cloud.", "Amazon", "develops", "Trainium"},
    };
    CheckRelations(wrong, false);
  }

  TEST_CASE("availability, purchases and reduced relatives give uses and develops") {
    const Case cases[] = {
        {"Salesforce said it would make Gemini 2.5 Pro available in its Slack app.", "Salesforce",
         "uses", "Gemini 2.5 Pro"},
        {"Oracle agreed to purchase an extra $5 billion of H100 chips.", "Oracle", "uses", "H100"},
        {"Sales of the A100, the older chip Nvidia designed for servers, slowed.", "Nvidia",
         "develops", "A100"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("a passive 'will be used in' does not make the owner a user") {
    const Case wrong[] = {
        {"Cohere's models will be used in Oracle's database products.", "Cohere", "uses", "Oracle"},
    };
    CheckRelations(wrong, false);
    const Case cases[] = {
        {"Oracle uses Cohere models in its database products.", "Oracle", "uses", "Cohere"},
    };
    CheckRelations(cases);
  }

  TEST_CASE("the company in 'X's main rival' is not the doer of the rival's verb") {
    const auto record =
        Run("AMD, Nvidia's main rival in data centres, has launched the Instinct MI325X.");
    CAPTURE(Describe(record));
    CHECK_FALSE(Has(record, "Nvidia", "develops", "Instinct MI325X"));
    CHECK(Has(record, "AMD", "develops", "Instinct MI325X"));
  }
}

TEST_SUITE("extract/entities") {
  TEST_CASE("corporate suffixes join a known name and never stand alone") {
    const auto record =
        Run("The system is based on Digital Equipment Corp software. Kelmont Trust (London) Ltd, a "
            "unit of Harlow Group, said profits rose.");
    CAPTURE(kg::extract::testing::Describe(record));
    const auto* digital = FindEntity(record, "Digital Equipment", "Company");
    REQUIRE(digital != nullptr);
    CHECK(std::find(digital->aliases.begin(), digital->aliases.end(), "Digital Equipment Corp") !=
          digital->aliases.end());
    for (const auto& entity : record.entities) {
      CHECK(entity.name != "Corp");
      CHECK(entity.name != "Ltd");
    }
  }

  TEST_CASE(
      "three-letter tickers are not names outside parentheses; lower-case names open sentences") {
    const auto record =
        Run("STM Chairman Ahmad Razali signed the agreement. EBay said sales rose. Shares of "
            "STMicroelectronics (STM) fell.");
    CHECK(FindEntity(record, "eBay", "Company") != nullptr);
    const auto* st = FindEntity(record, "STMicroelectronics", "Company");
    REQUIRE(st != nullptr);
    std::size_t st_mentions = 0;
    for (const auto& relation : record.relations) {
      if (record.entities[static_cast<std::size_t>(relation.object)].name == "STMicroelectronics")
        ++st_mentions;
    }
    CHECK(st_mentions == 0);  // Ahmad Razali is not STMicroelectronics' chairman
  }

  TEST_CASE("a known company's name inside a longer organisation name is not that company") {
    const auto record =
        Run("Tencent Music Entertainment, in which Tencent holds a controlling stake, reported "
            "results. "
            "Analysts at Baidu Capital were upbeat, and Baidu Group said sales rose.");
    CAPTURE(kg::extract::testing::Describe(record));
    CHECK(FindEntity(record, "Tencent Music Entertainment", "Company") != nullptr);
    CHECK(FindEntity(record, "Music Entertainment") == nullptr);
    CHECK(FindEntity(record, "Baidu Capital", "Company") != nullptr);
    // A cue that restates the legal form names the same company.
    CHECK(FindEntity(record, "Baidu Group") == nullptr);
    CHECK(FindEntity(record, "Baidu", "Company") != nullptr);
    CHECK(Has(record, "Tencent", "invests_in", "Tencent Music Entertainment"));
  }

  TEST_CASE("the capitalised rest of a multi-word title is not part of the name after it") {
    const auto record = Run(
        "Chief Financial Officer Anna Berg said costs fell. Chief Operating Officer Tomas Brandt "
        "agreed.");
    CHECK(FindEntity(record, "Anna Berg", "Person") != nullptr);
    CHECK(FindEntity(record, "Tomas Brandt", "Person") != nullptr);
    for (const auto& entity : record.entities)
      CHECK(entity.name.find("Officer") == std::string::npos);
  }

  TEST_CASE("a name broken over hard-wrapped lines after an initial is one name") {
    const auto record = Run(
        "The quarterly results were strong, said president and chief executive officer Landon H.\n"
        "Rowland at a news conference in Chicago on Monday.\n"
        "    The company, based in Kansas City, had been expected to report a loss by Paul R.\n"
        "    Analysts said the shares would rise.\n");
    CHECK(FindEntity(record, "Landon H. Rowland", "Person") != nullptr);
    for (const auto& entity : record.entities) {
      CAPTURE(entity.name);
      CHECK(entity.name.find('\n') == std::string::npos);
    }
  }

  TEST_CASE("a unit named by apposition, and a place opening an organisation's name") {
    const auto record =
        Run("Kelventures, Nvidia's venture capital arm, joined the round. Japan Advanced "
            "Semiconductor Manufacturing is building a second plant.");
    CAPTURE(kg::extract::testing::Describe(record));
    CHECK(FindEntity(record, "Kelventures", "Company") != nullptr);
    CHECK(Has(record, "Kelventures", "subsidiary_of", "Nvidia"));
    CHECK(FindEntity(record, "Japan Advanced Semiconductor Manufacturing", "Company") != nullptr);
  }

  TEST_CASE("a legal suffix closes an organisation's name wherever it stands") {
    for (const char* text : {"Zorbex Industries Inc said profit rose 5 pct.",
                             "Analysts said Quail Hollow Utilities Inc would buy land.",
                             "Profit rose at Acme Widgets Corp on Monday."}) {
      CAPTURE(text);
      const auto record = Run(text);
      CAPTURE(Describe(record));
      int companies = 0;
      for (const auto& entity : record.entities) companies += entity.type == "Company";
      CHECK(companies == 1);
    }
    // A known name followed by other words and a suffix is another company.
    const auto longer = Run("Minorco holds a stake in Adobe Resources Corp.");
    CAPTURE(Describe(longer));
    CHECK(FindEntity(longer, "Adobe Resources Corp.", "Company") != nullptr);
    CHECK(FindEntity(longer, "Adobe") == nullptr);
  }

  TEST_CASE("a name bought whole, and a product with a version before its head noun") {
    const auto bought = Run("Harlow Technologies agreed to acquire Zentrix for $3.2 billion.");
    CAPTURE(Describe(bought));
    const auto* zentrix = FindEntity(bought, "Zentrix");
    REQUIRE(zentrix != nullptr);
    CHECK(zentrix->type == "Company");
    const auto gifts = Run("Shoppers in the city bought Christmas gifts online.");
    CAPTURE(Describe(gifts));
    CHECK(FindEntity(gifts, "Christmas") == nullptr);
    const auto phone = Run("Harlow Technologies launched the Vega 70 smartphone last month.");
    CAPTURE(Describe(phone));
    const auto* vega = FindEntity(phone, "Vega 70");
    REQUIRE(vega != nullptr);
    CHECK(vega->type == "Product");
    CHECK(Has(phone, "Harlow Technologies", "develops", "Vega 70"));
  }

  TEST_CASE("known names inside longer ones: surnames, suffixed names, leading adjectives") {
    const auto surname = Run("Jean Dupont, president of Kelmont Group, told reporters it rose.");
    CAPTURE(Describe(surname));
    CHECK(FindEntity(surname, "Jean Dupont", "Person") != nullptr);
    CHECK(Has(surname, "Jean Dupont", "works_for", "Kelmont Group"));
    const auto unit =
        Run("Texaco Inc said its Canadian unit, Texaco Canada Inc, would sell assets.");
    CAPTURE(Describe(unit));
    CHECK(Has(unit, "Texaco Canada Inc", "subsidiary_of", "Texaco"));
    const auto adjective =
        Run("Chrysler Corp said it agreed to buy American Motors Corp for 1.5 billion dlrs.");
    CAPTURE(Describe(adjective));
    CHECK(Has(adjective, "Chrysler", "invests", "1.5 billion dlrs"));
    CHECK(Has(adjective, "Chrysler", "invests_in", "American Motors Corp"));
  }

  TEST_CASE("chip and model names: variants, glued generations, codes, names before chip nouns") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Kelmont Group will ship laptops with the Snapdragon X3 Elite next year.",
         "Snapdragon X3 Elite", "Chip"},
        {"Some phones will use the Snapdragon 8 Elite Gen 5 instead.", "Snapdragon 8 Elite Gen 5",
         "Chip"},
        {"Kelmont Group trained the model on Trainium3 servers.", "Trainium3", "Chip"},
        {"Kelmont Group began shipping HBM4 to customers.", "HBM4", "Chip"},
        {"Kelmont Group will build the Orion Vega accelerators next year.", "Orion Vega", "Chip"},
        {"Zentrix Robotics released Kimi K3 Lite on Monday.", "Kimi K3 Lite", "Model"},
        {"Zentrix Robotics said its Nova 2 Premier model has 470 billion parameters.",
         "Nova 2 Premier", "Model"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("organisation cues name companies the lexicons lack") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Customers include Fairhaven Health, which runs software in 40 hospitals.",
         "Fairhaven Health", "Company"},
        {"The round drew Mirae Asset Venture Investment and others.",
         "Mirae Asset Venture Investment", "Company"},
        {"The venture, Stelqing Mobility, will be based in Shanghai.", "Stelqing Mobility",
         "Company"},
        {"Oberon Photonics makes optical links.", "Oberon Photonics", "Company"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("newswire state abbreviations are places; a place after a given name is a surname") {
    const auto record =
        Run("SUNNYVALE, Calif., June 9 - Zentrix Corp, based in Hillsboro, Ore., said sales rose. "
            "\"Demand is good,\" said Kelmont Group chairman Norbert Ore.");
    CAPTURE(Describe(record));
    CHECK(Has(record, "Zentrix Corp", "located_in", "Oregon"));
    CHECK(FindEntity(record, "California", "Place") != nullptr);
    CHECK(FindEntity(record, "Norbert Ore", "Person") != nullptr);
    CHECK(Has(record, "Norbert Ore", "chairman_of", "Kelmont Group"));
  }

  TEST_CASE("in hard-wrapped prose a capitalised word after a line break continues the sentence") {
    const auto record =
        Run("    LONDON, Sept 12 - Zentrix Electronics Plc said finance director Anne Whitcombe\n"
            "would succeed Michael Trevelyan as chief executive on January 1, the company\n"
            "said. Trevelyan will become chairman in place of Sir Peter\n"
            "Laidlaw, who retires from the board after 14 years, the company said.\n"
            "    Zentrix competes with Kelmont Electronics Plc and Harlow\n"
            "Electric Co Plc for military radio contracts, analysts at stockbrokers Hoare\n"
            "Govett Ltd said.\n");
    CAPTURE(Describe(record));
    CHECK(FindEntity(record, "Peter Laidlaw", "Person") != nullptr);
    CHECK(FindEntity(record, "Harlow Electric Co Plc", "Company") != nullptr);
    CHECK(Has(record, "Zentrix Electronics Plc", "competes_with", "Kelmont Electronics Plc"));
  }

  TEST_CASE("towns before a known region, firms named 'A and B Plc'") {
    const auto town =
        Run("Zentrix Semiconductor Inc. opened a factory in Gresham, Ore., on Tuesday.");
    CAPTURE(Describe(town));
    CHECK(FindEntity(town, "Gresham", "Place") != nullptr);
    CHECK(Has(town, "Zentrix Semiconductor Inc.", "located_in", "Gresham"));
    const auto joined = Run("Other news. Reckitt and Colman Plc said it would buy Brandywine.");
    CAPTURE(Describe(joined));
    CHECK(FindEntity(joined, "Reckitt and Colman Plc", "Company") != nullptr);
    // Two known companies stay two.
    const auto two = Run("Other news. Texaco and Exxon Corp said they would merge.");
    CAPTURE(Describe(two));
    CHECK(FindEntity(two, "Texaco and Exxon Corp") == nullptr);
  }

  TEST_CASE("an apposition's noun types the name before it; other models make 'model' an AI's") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix Labs released Orion, its latest language model, on Tuesday.", "Orion", "Model"},
        {"Zentrix Labs released Command A2, a new model for enterprise customers.", "Command A2",
         "Model"},
        {"Zentrix Labs unveiled the Zentrix Z9, a smartphone with an AI assistant.", "Zentrix Z9",
         "Product"},
        {"Zentrix Labs said its Command A2 model outperforms GPT-4o.", "Command A2", "Model"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("an unknown name listed with companies is one; names with 'and' stay whole") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix Software competes with Sage Group, Ledgora and Intuit.", "Ledgora", "Company"},
        {"Rivals include Schneider Electric, Vertiv and Coolvane.", "Coolvane", "Company"},
        {"The deal was backed by Nvidia and Quorvex, the company said.", "Quorvex", "Company"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // Neither a two-name firm, nor a person, nor a place becomes a company by coordination.
    const auto firm =
        Run("Other news. The group held about six pct of Harper and Row, Nvidia said.");
    CAPTURE(Describe(firm));
    CHECK(FindEntity(firm, "Harper", "Company") == nullptr);
    CHECK(FindEntity(firm, "Row", "Company") == nullptr);
    const auto person =
        Run("Jane Roe founded Zentrix Software. Zentrix Software, Intuit and Roe signed it.");
    CAPTURE(Describe(person));
    CHECK(FindEntity(person, "Roe", "Company") == nullptr);
  }

  TEST_CASE("a name glued to '-based' before a firm's noun is a place; a compound noun counts") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix Systems, a Haifa-based chip designer, was founded in 2019.", "Haifa", "Place"},
        {"Quorvex AI, a Seoul-based start-up, released a model.", "Quorvex AI", "Company"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    const auto chip = Run("Zentrix Systems sells Hopper-based GPUs to cloud firms.");
    CAPTURE(Describe(chip));
    CHECK(FindEntity(chip, "Hopper", "Place") == nullptr);
  }

  TEST_CASE("a known company, a generic acronym and a cue name another organisation") {
    const kg::extract::testing::EntityCase cases[] = {
        {"It competes with Upstage and Baidu AI Research, a unit of the group.",
         "Baidu AI Research", "Company"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("surnames with particles: 'Kees van den Berg', 'Jan de Vries'") {
    const kg::extract::testing::EntityCase cases[] = {
        {"\"Sales are weak,\" said Kees van den Berg, an analyst at Zentrix Securities.",
         "Kees van den Berg", "Person"},
        {"Zentrix Labs was founded in 2004 by Pieter van Dam.", "Pieter van Dam", "Person"},
        {"The deal was led by Jan de Vries and Hans von Arnim.", "Jan de Vries", "Person"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // An association's name with "der" is no person's.
    const auto association =
        Run("The figures came from the Verband der Automobilindustrie on Monday.");
    CAPTURE(Describe(association));
    CHECK(FindEntity(association, "Verband der Automobilindustrie", "Person") == nullptr);
  }

  TEST_CASE("public bodies keep their nationality, partnerships their partners' names") {
    const kg::extract::testing::EntityCase cases[] = {
        {"The test was written with the Korean Bar Association.", "Korean Bar Association",
         "Company"},
        {"The deal needs the approval of the Federal Cartel Office.", "Federal Cartel Office",
         "Company"},
        {"Mike Lee, an analyst at Pardow, Jessup and Hale Inc, said so.",
         "Pardow, Jessup and Hale Inc", "Company"},
        {"Zentrix had retained Pardow, Jessup and Co as its adviser.", "Pardow, Jessup and Co",
         "Company"},
        {"It sold the unit to Brandywine Home Products last year.", "Brandywine Home Products",
         "Company"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // A room is no public body.
    const auto oval = Run("The president met Zentrix Labs executives in the Oval Office.");
    CAPTURE(Describe(oval));
    CHECK(FindEntity(oval, "Oval Office", "Company") == nullptr);
    // A nationality before a company's own name is no part of it.
    const auto firm = Run("The deal was backed by Korean Zentrix Robotics.");
    CAPTURE(Describe(firm));
    CHECK(FindEntity(firm, "Zentrix Robotics", "Company") != nullptr);
    // "and Co" is a legal form: the known firm is found under its own name.
    const auto goldman = Run("Zentrix had retained Goldman, Sachs and Co as its adviser.");
    CAPTURE(Describe(goldman));
    CHECK(FindEntity(goldman, "Goldman Sachs", "Company") != nullptr);
  }

  TEST_CASE("an owner's apposition and a device's noun make a name a product") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Both models are available through Orion Studio, Zentrix Cloud's AI development "
         "platform.",
         "Orion Studio", "Product"},
        {"Zentrix Labs said its next Quillo Laptop would also use the chip.", "Quillo Laptop",
         "Product"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // A product's noun modifying a firm's noun describes a firm.
    const auto operator_apposition =
        Run("Vodafone and Kelmo, Britain's other big mobile phone operator, were fined.");
    CAPTURE(Describe(operator_apposition));
    CHECK(FindEntity(operator_apposition, "Kelmo", "Product") == nullptr);
  }

  TEST_CASE("a name sold under 'the X brand' is a product") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix's cooling units, sold under the FrostLine brand, are used in servers.",
         "FrostLine", "Product"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("East Asian names written family name first are persons") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix Labs was founded in 2019 by Zhou Lan, a former engineer.", "Zhou Lan", "Person"},
        {"Prices will fall, said Min Ji-hoon, Zentrix's chief executive.", "Min Ji-hoon", "Person"},
        // A Korean family name that is also an English word, after a role word or alone.
        {"Analyst Park Hye-won of Zentrix Securities rates it a buy.", "Park Hye-won", "Person"},
        {"Park Soo-min, a researcher at Zentrix, said the model was ready.", "Park Soo-min",
         "Person"},
        {"The deal was signed by Song Ji-ho on Monday.", "Song Ji-ho", "Person"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
  }

  TEST_CASE("a name a company launches is a product unless the text types it otherwise") {
    const kg::extract::testing::EntityCase cases[] = {
        {"Zentrix Labs launched Orbia, a voice tutor for learners.", "Orbia", "Product"},
        {"Zentrix Labs on Monday unveiled its Quillo Desk to small firms.", "Quillo Desk",
         "Product"},
        {"Most growth came from Ledgerline, its cloud accounting product.", "Ledgerline",
         "Product"},
        {"Zentrix Labs launched Orbia on Monday. Orbia, its latest language model, is fast.",
         "Orbia", "Model"},
    };
    kg::extract::testing::CheckEntityTypes(cases);
    // Only a company launches products; a hyphenated participle ends a person's name.
    const auto missiles = Run("Russia launched Kalibr missiles at the port on Monday.");
    CAPTURE(Describe(missiles));
    CHECK(FindEntity(missiles, "Kalibr", "Product") == nullptr);
    const auto led = Run("Zentrix Labs, a Priya Raman-led start-up, grew fast.");
    CAPTURE(Describe(led));
    CHECK(FindEntity(led, "Priya Raman", "Person") != nullptr);
  }

  TEST_CASE("a one-word name the document uses as a company's is a company wherever it stands") {
    const auto record =
        Run("Morgan Stanley advised Keldor on the deal. Keldor said it would buy Coolvane. Laia "
            "Ferrer, Parlamo's co-founder, said the app was growing, and Keldor agreed. \"It is "
            "hard,\" "
            "Ferrer said. Industry sources said prices rose. Labour said it would object.");
    CAPTURE(Describe(record));
    const auto* keldor = FindEntity(record, "Keldor");
    REQUIRE(keldor != nullptr);
    CHECK(keldor->type == "Company");
    CHECK(keldor->count >= 3);
    CHECK(FindEntity(record, "Parlamo", "Company") != nullptr);
    // A surname, a common noun opening a sentence and a party are not companies.
    CHECK(FindEntity(record, "Ferrer", "Company") == nullptr);
    CHECK(FindEntity(record, "Industry") == nullptr);
    CHECK(FindEntity(record, "Labour") == nullptr);
    // Nor the second word of an unknown two-word name, or an institution by its roles.
    const auto others =
        Run("Qorin Vastel met investors. \"It is hard,\" Vastel said. Yale economist Jane Roe said "
            "prices rose, and Brexit plans were delayed.");
    CAPTURE(Describe(others));
    CHECK(FindEntity(others, "Vastel", "Company") == nullptr);
    CHECK(FindEntity(others, "Yale", "Company") == nullptr);
    CHECK(FindEntity(others, "Brexit", "Company") == nullptr);
  }

  TEST_CASE("a sentence's first word is a firm's before 'shares' or 'boss', not a sector's") {
    const auto record =
        Run("Zentrix shares fell almost 3% on Monday. Zentrix boss Mr Dixon said costs rose. Oil "
            "shares rose. Rotating chairman Eric Xu spoke.");
    CAPTURE(Describe(record));
    const auto* firm = FindEntity(record, "Zentrix");
    REQUIRE(firm != nullptr);
    CHECK(firm->type == "Company");
    CHECK(FindEntity(record, "Oil") == nullptr);
    CHECK(FindEntity(record, "Rotating") == nullptr);
    const auto airline = Run("Australian airline Qantas posted a record profit.");
    CHECK(FindEntity(airline, "Qantas", "Company") != nullptr);
  }
}
