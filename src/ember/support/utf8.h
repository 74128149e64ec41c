// UTF-8 decoding and display widths, shared by source excerpts and the lexer.
// Invalid input never throws: a bad byte decodes as one replacement character,
// so every caller makes progress byte by byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ember::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp = kReplacement;
  uint32_t length = 1;  // bytes consumed, >= 1 whenever pos < text.size()
  bool valid = false;
};

// Decodes the code point starting at text[pos] (pos < text.size()). Rejects
// overlong forms, surrogates and values past U+10FFFF, as Python's decoder does.
Decoded decode(std::string_view text, size_t pos);

void append(std::string& out, char32_t cp);

// Columns a terminal gives the code point: 0 for combining marks, 2 for East
// Asian wide characters and emoji, 1 otherwise. Tabs are the caller's business.
int displayWidth(char32_t cp);

// Code points in text, counting each invalid byte as one.
size_t countCodePoints(std::string_view text);

}  // namespace ember::utf8
