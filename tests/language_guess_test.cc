// guess_language: a table of short texts written for this test.
#include <doctest/doctest.h>

#include <string_view>

#include "language_guess.h"

namespace trawl::indexer {
namespace {

struct LanguageCase {
  std::string_view text;
  std::string_view want;  // "" = unknown
};

const LanguageCase kCases[] = {
    {"The ferry to the island was late this morning, and the harbour master said that it is "
     "waiting for the tide.", "en"},
    {"Le marché de Noël ouvre ses portes sur la place du port, et les enfants sont déjà dans "
     "la file pour la grande roue.", "fr"},
    {"Der Verein feiert sein hundertjähriges Bestehen und die Stadt ist stolz auf das neue "
     "Stadion, das auch im Winter offen ist.", "de"},
    {"El mercado de la ciudad abre los domingos y las familias llegan temprano para comprar "
     "pan, queso y fruta del valle.", "es"},
    {"Il museo della città è aperto anche la domenica e gli studenti non pagano il biglietto "
     "per la mostra delle navi.", "it"},
    {"De veerboot naar het eiland vertrekt elke ochtend om zes uur en de kapitein zegt dat het "
     "schip ook in de winter vaart.", "nl"},
    {"O mercado da cidade abre aos domingos e as famílias chegam cedo para comprar pão, queijo "
     "e fruta do vale com os amigos.", "pt"},
    {"Färjan till ön går varje morgon och kaptenen säger att det är lugnt på havet, men att "
     "den inte går på vintern.", "sv"},
    {"Правительство объявило о новых санкциях, и это решение, как сказал министр, не "
     "последнее: что будет дальше, он не знает.", "ru"},
    {"Уряд оголосив нові санкції, і це рішення, як сказав міністр, не останнє: що буде "
     "далі, він не знає, та чекає від партнерів.", "uk"},
    {"港口大桥将于三月三日起关闭六周，以便工程师更换磨损的伸缩缝并重新粉刷钢拱。", "zh"},
    {"港の橋は三月三日から六週間、修理のために閉鎖されます。技師たちは伸縮継手を交換します。", "ja"},
    {"항구 다리는 삼월 삼일부터 육 주 동안 수리를 위해 폐쇄됩니다.", "ko"},
    {"Η γέφυρα του λιμανιού θα κλείσει για έξι εβδομάδες για επισκευές.", "el"},
    // Too little to tell, or no function words of a known language.
    {"Tide tables", ""},
    {"12 April 2025: 14 swallows, 60 knots", ""},
    {"Port Alder Harbour Bridge Marta Oyelaran Gannet Point Riverside Park", ""},
    {"", ""},
};

TEST_CASE("guess_language: script first, then function words; unsure is unknown") {
  for (const LanguageCase& c : kCases) {
    CAPTURE(c.text);
    CHECK(guess_language(c.text) == c.want);
  }
}

}  // namespace
}  // namespace trawl::indexer
