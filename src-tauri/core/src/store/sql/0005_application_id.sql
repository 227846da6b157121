-- Marks the file as Brownout's ("BROW"), so another application's SQLite file is never
-- mistaken for a workspace. Must equal store::APPLICATION_ID.
PRAGMA application_id = 1112690519;
