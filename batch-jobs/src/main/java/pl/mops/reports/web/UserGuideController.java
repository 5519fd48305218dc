package pl.mops.reports.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** {@code /pomoc}: the user guide in the console, for every role (it holds no data, only how to work). */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
public class UserGuideController {

    private final UserGuide guide;

    public UserGuideController(UserGuide guide) {
        this.guide = guide;
    }

    @GetMapping("/pomoc")
    public String contents(Model model) {
        return chapter("index", model);
    }

    @GetMapping("/pomoc/{rozdzial}")
    public String chapter(@PathVariable("rozdzial") String name, Model model) {
        UserGuide.Chapter chapter = guide.chapter(name)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Nie ma takiego rozdziału podręcznika."));
        model.addAttribute("rozdzial", chapter);
        return "pomoc";
    }

    @GetMapping("/pomoc/obrazy/{plik}")
    public ResponseEntity<byte[]> image(@PathVariable("plik") String name) {
        return guide.image(name)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore()).body(bytes))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Nie ma takiego obrazu."));
    }
}
