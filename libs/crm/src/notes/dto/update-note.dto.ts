import { PickType } from '@nestjs/swagger';
import { CreateNoteDto } from './create-note.dto';

/** A note's text changes; its subject does not (write a new note on the other record). */
export class UpdateNoteDto extends PickType(CreateNoteDto, ['body']) {}
