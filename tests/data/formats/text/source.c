/* Computes the checksum of a telemetry frame. */
#include <stdint.h>

uint32_t telemetry_checksum(const uint8_t* frame, int length) {
  uint32_t sum = 0;
  for (int i = 0; i < length; ++i) sum += frame[i];
  return sum;
}
