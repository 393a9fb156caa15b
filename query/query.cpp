// SPDX-License-Identifier: MIT
#include "query/query.h"

#include <algorithm>
#include <optional>
#include <set>

#include "graph/error.h"
#include "graph/ontology.h"
#include "query/parser.h"
#include "query/resolve.h"

namespace kg::query {
namespace {

// A term ready to run: a fixed entity or a slot in the binding vector.
struct Slot {
  bool is_variable = false;
  graph::EntityId entity = 0;  // when fixed
  std::size_t variable = 0;    // when a variable
  std::string type;            // required entity type, or empty
};

struct Plan {
  Slot subject;
  std::string relation;  // empty = any
  Slot object;
};

class Executor {
 public:
  Executor(const graph::Store& store, const QueryOptions& options, std::vector<Plan> plans,
           std::size_t variable_count, Result& result)
      : store_(store),
        options_(options),
        plans_(std::move(plans)),
        result_(result),
        values_(variable_count, 0),
        bound_(variable_count, false),
        matches_(plans_.size()),
        done_(plans_.size(), false) {}

  void Execute() { Step(0); }

  const graph::Entity* Entity(graph::EntityId id) {
    auto found = result_.entities.find(id);
    if (found != result_.entities.end()) return &found->second;
    std::vector<graph::Entity> entity = store_.GetEntitiesBrief(std::span(&id, 1));
    if (entity.empty()) return nullptr;
    return &result_.entities.emplace(id, std::move(entity.front())).first->second;
  }

  /// Names every entity the rows mention, in one store read.
  void FetchEntities() {
    std::vector<graph::EntityId> missing;
    for (const Row& row : result_.rows) {
      for (const Match& match : row.matches) {
        for (graph::EntityId id : {match.subject, match.object}) {
          if (!result_.entities.contains(id)) missing.push_back(id);
        }
      }
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    for (graph::Entity& entity : store_.GetEntitiesBrief(missing)) {
      result_.entities.emplace(entity.id, std::move(entity));
    }
  }

 private:
  // Returns false once the row limit is passed, to stop the search.
  bool Step(std::size_t depth) {
    if (depth == plans_.size()) return Emit();
    std::size_t next = ChooseNext();
    done_[next] = true;
    const Plan& plan = plans_[next];
    std::optional<graph::EntityId> subject = Value(plan.subject);
    std::optional<graph::EntityId> object = Value(plan.object);
    bool keep_going = true;
    auto visit = [&](const graph::Relation& relation, graph::EntityId from, graph::EntityId to) {
      if (!keep_going || !Admissible(relation)) return;
      if (subject && *subject != from) return;
      if (object && *object != to) return;
      std::vector<std::size_t> newly_bound;
      if (!Bind(plan.subject, from, newly_bound) || !Bind(plan.object, to, newly_bound)) {
        Unbind(newly_bound);
        return;
      }
      matches_[next] = Match{relation, from, to};
      keep_going = Step(depth + 1);
      Unbind(newly_bound);
    };
    bool symmetric = !plan.relation.empty() && graph::IsSymmetric(plan.relation);
    auto each_orientation = [&](const graph::Relation& relation) {
      bool relation_symmetric = symmetric || graph::IsSymmetric(relation.type);
      visit(relation, relation.subject, relation.object);
      if (relation_symmetric && relation.subject != relation.object) {
        visit(relation, relation.object, relation.subject);
      }
    };
    if (subject) {
      for (const graph::Relation& relation :
           store_.RelationsTouching(*subject, graph::Direction::kOutgoing, plan.relation)) {
        each_orientation(relation);
      }
    } else if (object) {
      for (const graph::Relation& relation :
           store_.RelationsTouching(*object, graph::Direction::kIncoming, plan.relation)) {
        each_orientation(relation);
      }
    } else {
      for (const graph::Relation& relation : store_.RelationsOfType(plan.relation)) {
        each_orientation(relation);
        if (!keep_going) break;
      }
    }
    done_[next] = false;
    return keep_going;
  }

  // The pending pattern with the most ends known, earliest on ties.
  std::size_t ChooseNext() const {
    std::size_t best = plans_.size();
    int best_known = -1;
    for (std::size_t index = 0; index < plans_.size(); ++index) {
      if (done_[index]) continue;
      int known =
          Value(plans_[index].subject).has_value() + Value(plans_[index].object).has_value();
      if (known > best_known) {
        best = index;
        best_known = known;
      }
    }
    return best;
  }

  std::optional<graph::EntityId> Value(const Slot& slot) const {
    if (!slot.is_variable) return slot.entity;
    if (bound_[slot.variable]) return values_[slot.variable];
    return std::nullopt;
  }

  bool Bind(const Slot& slot, graph::EntityId id, std::vector<std::size_t>& newly_bound) {
    if (!slot.type.empty()) {
      const graph::Entity* entity = Entity(id);
      if (entity == nullptr || entity->type != slot.type) return false;
    }
    if (!slot.is_variable) return slot.entity == id;
    if (bound_[slot.variable]) return values_[slot.variable] == id;
    bound_[slot.variable] = true;
    values_[slot.variable] = id;
    newly_bound.push_back(slot.variable);
    return true;
  }

  void Unbind(const std::vector<std::size_t>& variables) {
    for (std::size_t variable : variables) bound_[variable] = false;
  }

  bool Admissible(const graph::Relation& relation) {
    if (relation.confidence < options_.min_confidence) return false;
    if (options_.source_document.empty()) return true;
    auto cached = from_source_.find(relation.id);
    if (cached != from_source_.end()) return cached->second;
    bool found = false;
    for (const graph::Evidence& evidence : store_.EvidenceFor(relation.id)) {
      found = found || evidence.document == options_.source_document;
    }
    from_source_.emplace(relation.id, found);
    return found;
  }

  bool Emit() {
    if (options_.limit != 0 && result_.rows.size() == options_.limit) {
      result_.truncated = true;
      return false;
    }
    result_.rows.push_back(Row{values_, matches_});
    return true;
  }

  const graph::Store& store_;
  const QueryOptions& options_;
  std::vector<Plan> plans_;
  Result& result_;
  std::vector<graph::EntityId> values_;
  std::vector<bool> bound_;
  std::vector<Match> matches_;
  std::vector<bool> done_;
  std::unordered_map<graph::RelationId, bool> from_source_;
};

std::vector<std::string_view> AllowedTypes(const std::string& relation, bool subject) {
  const graph::RelationType* type = graph::FindRelationType(relation);
  if (type == nullptr) return {};
  return subject ? type->subject_types : type->object_types;
}

// Resolves the entity ends of one reading; throws what ResolveEntity throws.
struct ResolvedReading {
  Plan plan;
  ResolvedPattern description;
};

class Planner {
 public:
  explicit Planner(const graph::Store& store) : store_(&store) {}

  ResolvedReading Resolve(const Pattern& pattern) {
    ResolvedReading reading;
    reading.plan.relation = pattern.relation;
    reading.plan.subject =
        ResolveTerm(pattern.subject, pattern.relation, true, reading.description.subject);
    reading.plan.object =
        ResolveTerm(pattern.object, pattern.relation, false, reading.description.object);
    reading.description.relation = pattern.relation.empty() ? "*" : pattern.relation;
    reading.description.description = reading.description.subject + " " +
                                      reading.description.relation + " " +
                                      reading.description.object;
    return reading;
  }

  std::vector<std::string> variables;

 private:
  Slot ResolveTerm(const Term& term, const std::string& relation, bool is_subject,
                   std::string& shown) {
    Slot slot;
    slot.type = term.type;
    if (term.kind == Term::Kind::kVariable) {
      slot.is_variable = true;
      std::string name = "?" + term.text;
      if (term.text.empty()) {
        // Each anonymous variable is its own: "?", then "?2", "?3".
        ++anonymous_;
        name = anonymous_ == 1 ? "?" : "?" + std::to_string(anonymous_);
        while (std::find(variables.begin(), variables.end(), name) != variables.end()) {
          name += "_";
        }
      }
      auto found = std::find(variables.begin(), variables.end(), name);
      slot.variable = static_cast<std::size_t>(found - variables.begin());
      if (found == variables.end()) variables.push_back(name);
      shown = name + (term.type.empty() ? "" : ":" + term.type);
      return slot;
    }
    std::vector<std::string_view> allowed;
    if (!term.type.empty()) {
      allowed.push_back(term.type);
    } else {
      allowed = AllowedTypes(relation, is_subject);
    }
    graph::Entity entity =
        ResolveEntity(*store_, term.text, allowed, static_cast<long>(term.position));
    if (!term.type.empty() && entity.type != term.type) {
      throw Error(ErrorCode::kNotFound,
                  "position " + std::to_string(term.position) + ": no " + term.type + " named '" +
                      term.text + "' ('" + entity.name + "' is a " + entity.type + ")",
                  static_cast<long>(term.position));
    }
    slot.entity = entity.id;
    slot.type.clear();  // the entity is fixed; its type was checked here
    shown = entity.name;
    return slot;
  }

  const graph::Store* store_;
  int anonymous_ = 0;
};

void SortRows(Result& result) {
  auto name_of = [&](graph::EntityId id) -> const std::string& {
    static const std::string kNone;
    auto found = result.entities.find(id);
    return found == result.entities.end() ? kNone : found->second.name;
  };
  std::stable_sort(result.rows.begin(), result.rows.end(), [&](const Row& a, const Row& b) {
    for (std::size_t index = 0; index < a.values.size(); ++index) {
      if (a.values[index] == b.values[index]) continue;
      return name_of(a.values[index]) < name_of(b.values[index]);
    }
    for (std::size_t index = 0; index < a.matches.size(); ++index) {
      if (a.matches[index].relation.type != b.matches[index].relation.type) {
        return a.matches[index].relation.type < b.matches[index].relation.type;
      }
    }
    return false;
  });
}

}  // namespace

std::string ResolveDocument(const graph::Store& store, std::string_view name) {
  if (store.FindDocument(name)) return std::string(name);
  // A file name stands for a stored path or import name that ends with it.
  std::vector<std::string> matches;
  for (const graph::DocumentInfo& document : store.ListDocuments()) {
    const std::string& stored = document.name;
    if (stored.size() > name.size() && stored.ends_with(name)) {
      char before = stored[stored.size() - name.size() - 1];
      if (before == '/' || before == '#' || before == ':') matches.push_back(stored);
    }
  }
  if (matches.size() == 1) return matches.front();
  std::string message = "no document named '" + std::string(name) + "'";
  if (matches.size() > 1) {
    message = "'" + std::string(name) + "' names several documents: " + matches[0] + ", " +
              matches[1] + (matches.size() > 2 ? ", ..." : "");
  }
  throw Error(ErrorCode::kNotFound, message);
}

Result Run(const graph::Store& store, std::string_view text, const QueryOptions& options) {
  ParsedQuery parsed = Parse(text);
  QueryOptions resolved_options = options;
  if (!options.source_document.empty()) {
    resolved_options.source_document = ResolveDocument(store, options.source_document);
  }
  Result result;
  result.query = std::string(text);
  Planner planner(store);
  std::vector<Plan> plans;
  for (const PatternReadings& readings : parsed.patterns) {
    // The first reading whose names resolve; the first reading's error otherwise.
    std::optional<Error> first_error;
    std::optional<ResolvedReading> chosen;
    for (const Pattern& pattern : readings.readings) {
      Planner attempt = planner;
      try {
        chosen = attempt.Resolve(pattern);
        planner = std::move(attempt);
        break;
      } catch (const Error& error) {
        if (error.code() == ErrorCode::kStorage) throw;
        if (!first_error) first_error = error;
      }
    }
    if (!chosen) throw *first_error;
    plans.push_back(std::move(chosen->plan));
    result.patterns.push_back(std::move(chosen->description));
  }
  result.variables = planner.variables;
  Executor executor(store, resolved_options, std::move(plans), result.variables.size(), result);
  executor.Execute();
  executor.FetchEntities();
  SortRows(result);
  return result;
}

graph::Subgraph ToSubgraph(const graph::Store& store, const Result& result) {
  graph::Subgraph subgraph;
  subgraph.description = "query: " + result.query;
  std::set<graph::EntityId> entity_ids;
  std::set<graph::RelationId> relation_ids;
  for (const Row& row : result.rows) {
    for (const Match& match : row.matches) {
      entity_ids.insert(match.relation.subject);
      entity_ids.insert(match.relation.object);
      if (relation_ids.insert(match.relation.id).second)
        subgraph.relations.push_back(match.relation);
    }
  }
  for (graph::EntityId id : entity_ids) {
    // Result::entities holds no aliases; renderers and exports may want them.
    if (auto entity = store.GetEntity(id)) subgraph.entities.push_back(std::move(*entity));
  }
  return subgraph;
}

graph::Subgraph QuerySubgraph(const graph::Store& store, std::string_view text,
                              const QueryOptions& options) {
  return ToSubgraph(store, Run(store, text, options));
}

}  // namespace kg::query
