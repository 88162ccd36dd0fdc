import { registerUniqueConstraint } from '../errors/unique-constraints';

registerUniqueConstraint('api_key_name_uq', 'API_KEY_NAME_TAKEN', 'An active API key with this name already exists.');
