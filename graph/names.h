// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

/// Name identity: which surface forms are "the same name". Used by the store to
/// match mentions to nodes and by queries to resolve what users type.
namespace kg::graph {

/// The normalised key of a name: case folded (ASCII and Latin-1 letters),
/// typographic apostrophes and dashes unified, a trailing possessive ('s)
/// dropped, punctuation turned to spaces, corporate suffixes (Inc, Ltd,
/// Corp, Co, Plc, LLC, Holding(s), Group, Limited, Corporation, SA, AG, NV)
/// and a leading "the" removed, spaces collapsed. A name that is nothing but
/// suffixes keeps them ("The Group" -> "group").
/// NormalizeKey("Alibaba Group Holding Ltd.") == NormalizeKey("alibaba's") == "alibaba".
std::string NormalizeKey(std::string_view name);

/// The identity key of an amount: unit and value rounded to 6 significant
/// digits, e.g. "USD:5.3e+10". Amounts with equal keys are one node.
std::string AmountKey(double value, std::string_view unit);

/// Formats an amount for people: "$53B", "RMB 380B", "1T parameters", "13%".
std::string FormatAmount(double value, std::string_view unit);

}  // namespace kg::graph
