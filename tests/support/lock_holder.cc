// lock_holder DB: opens DB for writing (taking Xapian's writer lock), prints
// "locked", and holds the lock until its standard input is closed. Used by
// the CLI tests to check that a second indexer fails with exit code 3.
#include <xapian.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: lock_holder DB\n";
    return 2;
  }
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
  std::cout << "locked" << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
