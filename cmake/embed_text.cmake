# Turns a text file (schema.sql, lexicons, rules, relation words) into a C++ source defining `const char* const <SYMBOL>` in
# namespace <NAMESPACE> (default kg::extract::data). Invoked at build time:
#   cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... [-DNAMESPACE=...] -P embed_text.cmake
if(NOT NAMESPACE)
  set(NAMESPACE "kg::extract::data")
endif()
file(READ "${INPUT}" content)
set(delim "kgdata")
file(WRITE "${OUTPUT}.tmp"
     "// Generated from ${INPUT}; do not edit.\nnamespace ${NAMESPACE} {\nextern const char* const ${SYMBOL};\nconst char* const ${SYMBOL} = R\"${delim}(${content})${delim}\";\n}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
