// RFC 4180 CSV text: fields with a comma, quote, CR or LF are quoted and their quotes
// doubled; records end in CRLF. Spreadsheet apps the union's accountants use open it as is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"

namespace hg {

std::string csv_field(std::string_view field);
std::string csv_record(const std::vector<std::string>& fields);
// "1234.50", "-0.05": yuan with two decimals, no symbol or grouping, so a spreadsheet
// reads it as a number.
std::string yuan_decimal(Fen fen);

}  // namespace hg
