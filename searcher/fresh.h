// --fresh: brings a database up to date before searching it, by running
// trawl-index over the PATHs it was built from (schema::kMetaRoots): new,
// changed, moved and deleted files are indexed as by a re-run, and an
// unchanged tree costs a walk and a stat per file. The program run is
// $TRAWL_INDEX if set, else the trawl-index beside trawl-search (or in the
// build tree, ../indexer/), else the one on $PATH.
//
// Never fails the search: a database that records no PATHs (made by an
// older trawl-index), one locked by another indexer, or an indexer that
// cannot run or fails gives a warning, and the search goes on with the
// index as it is.
#pragma once

#include <string>

#include "diag.h"

namespace trawl::searcher {

void refresh_index(const std::string& db_path, Diag& diag);

}  // namespace trawl::searcher
