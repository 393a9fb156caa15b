# Turns a text file into a C++ source defining `const char* const <SYMBOL>`.
# Invoked at build time: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed_file.cmake
file(READ "${INPUT}" content)
set(delim "kg_embed_")
file(WRITE "${OUTPUT}.tmp"
     "// Generated from ${INPUT}; do not edit.\nnamespace kg::graph {\nextern const char* const ${SYMBOL};\nconst char* const ${SYMBOL} = R\"${delim}(${content})${delim}\";\n}  // namespace kg::graph\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
