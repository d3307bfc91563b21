-- The databases of the stack (docker-compose.yml mounts this folder as /docker-entrypoint-initdb.d; the official image
-- runs it once, on an empty data volume). bin/sfinbound creates the same databases with io.sfinbound.stack.Databases.
CREATE DATABASE sfinbound_config;
CREATE DATABASE sfinbound_store;
