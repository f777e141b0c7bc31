#!/usr/bin/env sh
# Assembles the distribution archive (run by `mvn package` in this module, after the executables are built):
#   dist/target/tfir-<version>/          bin/ (POSIX launchers and .cmd twins), app/ (the jars and their start-up
#                                        class lists, see class-lists.sh), runtime/ (a jlink image of the JDK
#                                        modules tfir uses), completions/, man/man1/, examples/, README.md, LICENSE,
#                                        THIRD-PARTY-NOTICES.md
#   dist/target/tfir-<version>.tar.gz and .zip
# Usage: assemble.sh <repository root> <version> <this module's classes and their class path>
set -eu
repo=$(cd "$1" && pwd)
version=$2
classpath=$3
target="$repo/dist/target"
name="tfir-$version"
stage="$target/$name"
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

rm -rf "$stage" "$target/$name.tar.gz" "$target/$name.zip"
mkdir -p "$stage/bin" "$stage/app/lib" "$stage/examples"

cp "$repo/bin/convert" "$repo/bin/summarize-graph" "$repo/bin/tfir-launch" "$stage/bin/"
cp "$repo/dist/src/bin/convert.cmd" "$repo/dist/src/bin/summarize-graph.cmd" "$stage/bin/"
sh "$repo/dist/class-lists.sh" "$repo"  # the start-up training: <tool>.classlist beside each jar
cp "$repo/convert/target/convert.jar" "$repo/summarize/target/summarize-graph.jar" "$stage/app/"
cp "$repo/convert/target/convert.classlist" "$repo/summarize/target/summarize-graph.classlist" "$stage/app/"
cp "$repo/convert/target/lib/"*.jar "$stage/app/lib/"
cp "$repo/summarize/target/lib/"*.jar "$stage/app/lib/"  # a superset: summarize's REPL converts too
cp "$repo/examples/inception_v1_inference_graph.pb" "$stage/examples/"
cp "$repo/README.md" "$repo/LICENSE" "$repo/dist/THIRD-PARTY-NOTICES.md" "$stage/"

# The runtime: the JDK modules the jars need (jdeps: java.base, java.logging for protobuf, java.xml for reading IR
# back, jdk.unsupported for protobuf's fast paths), with the JDK's own class-data archive for its classes.
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.xml,jdk.unsupported --strip-debug --no-man-pages \
  --no-header-files --compress=0 --generate-cds-archive --output "$stage/runtime"

# Man pages and shell completion, from the commands' picocli models.
"$jdk/bin/java" -cp "$classpath" dev.tfir.dist.Docs "$stage" "$version"

tar -C "$target" -czf "$target/$name.tar.gz" "$name"
(cd "$target" && "$jdk/bin/jar" --create --no-manifest --file "$name.zip" "$name")
echo "dist: $target/$name.tar.gz ($(du -k "$target/$name.tar.gz" | cut -f 1) KB)"
