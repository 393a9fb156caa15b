# Turns a data file of the query module into a C++ source defining
# `const char* const kg::query::<SYMBOL>`. Invoked at build time:
# cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed_query_data.cmake
file(READ "${INPUT}" content)
set(delim "kg_embed_")
file(WRITE "${OUTPUT}.tmp"
     "// Generated from ${INPUT}; do not edit.\nnamespace kg::query {\nextern const char* const ${SYMBOL};\nconst char* const ${SYMBOL} = R\"${delim}(${content})${delim}\";\n}  // namespace kg::query\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
