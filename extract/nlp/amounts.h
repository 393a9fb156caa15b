// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/text.h"

/// Money, percentages, parameter counts and other counted quantities.
namespace kg::extract::nlp {

struct AmountMatch {
  std::uint32_t first = 0;  // tokens [first, last)
  std::uint32_t last = 0;
  double value = 0;  // scale words applied: "$53 billion" -> 5.3e10
  // ISO 4217 code, "percent", "parameters", a plural count noun, or "crowns"/"pesos" where
  // the text does not say whose
  std::string unit;
};

/// What bare crowns, francs, marks and pesos mean in one document ("crowns" in an article
/// from Prague are CZK): looked up in the document's tokens on first need, once per family.
class LocalCurrencies {
 public:
  /// The unit for money-noun family `family` in `tokens` (a whole document), or empty.
  std::string_view For(const std::vector<Token>& tokens, int family);
  void Clear() { known_ = 0; }

 private:
  std::uint32_t known_ = 0;  // a bit per family looked up
  std::array<std::string_view, 8> units_{};
};

/// Parses an amount starting at token `t` of `tokens`, a whole document's (tokens before
/// `end` only). Returns false when none starts there. Numbers that are too long, not finite
/// or above 1e18 are refused rather than misread. `local` keeps the document's currencies
/// between calls; without it each call looks them up again.
bool ParseAmountAt(std::string_view text, const std::vector<Token>& tokens, std::uint32_t t,
                   std::uint32_t end, AmountMatch* match, LocalCurrencies* local = nullptr);

/// The words other than numbers an amount can start with ("$", "RMB", "two",
/// "billion"...): ParseAmountAt() is false at any other non-number token.
const WordSet& AmountStarterWords();

/// True for ISO 4217 currency units (three capital letters).
bool IsCurrencyUnit(std::string_view unit);

}  // namespace kg::extract::nlp
