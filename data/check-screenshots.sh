#!/bin/sh
# check-screenshots.sh METAINFO SOURCE_ROOT — every screenshot the metainfo
# names is committed in this repository, as a PNG of the size its <image> says.
# Software centres fetch the https URL (the repository's raw form of the file
# on main), so a screenshot missing here is a broken image there.
set -eu
metainfo=$1
root=$2
n=0
images=$(grep -o '<image[^>]*>[^<]*</image>' "$metainfo") || { echo "no <image> in $metainfo"; exit 1; }
echo "$images" | while IFS= read -r image; do
  url=$(echo "$image" | sed 's|.*>\(.*\)</image>|\1|')
  width=$(echo "$image" | sed -n 's|.*width="\([0-9]*\)".*|\1|p')
  height=$(echo "$image" | sed -n 's|.*height="\([0-9]*\)".*|\1|p')
  path=${url#https://raw.githubusercontent.com/motcua/motcua/main/}
  [ "$path" != "$url" ] || { echo "not the repository's raw URL: $url"; exit 1; }
  file="$root/$path"
  [ -f "$file" ] || { echo "missing: $path"; exit 1; }
  # PNG signature, then the IHDR chunk: width and height, 4 bytes each, big-endian.
  [ "$(od -An -tx1 -N8 "$file" | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "not a PNG: $path"; exit 1; }
  size=$(od -An -tu1 -j16 -N8 "$file" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')
  [ "$size" = "${width}x${height}" ] || { echo "$path is $size, the metainfo says ${width}x${height}"; exit 1; }
  echo "ok $path $size"
done
