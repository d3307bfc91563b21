package io.sfinbound.configapi.project;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sfinbound.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Projects. */
@ApplicationScoped
public class ProjectService {

    /** A project as created or replaced. */
    public record ProjectRequest(@Schema(example = "Customer support") String name,
            @Schema(example = "Chats and cases of the support team") String description) {
    }

    /** Creates a project. */
    @Transactional
    public Project persistProject(ProjectRequest r) {
        Project p = new Project();
        p.createdAt = Instant.now();
        apply(p, r);
        p.persist();
        return p;
    }

    /** Replaces a project's name and description. */
    @Transactional
    public Project replaceProject(long id, ProjectRequest r) {
        Project p = findProject(id);
        apply(p, r);
        return p;
    }

    /** Deletes a project that no job uses. */
    @Transactional
    public void deleteProject(long id) {
        Project p = findProject(id);
        long jobs = Project.getEntityManager()
                .createQuery("select count(j) from Job j where j.projectId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (jobs > 0) {
            throw ProblemException.conflict("project " + id + " has " + jobs + " job(s)");
        }
        p.delete();
    }

    /** A project or a 404. */
    public Project findProject(long id) {
        Project p = Project.findById(id);
        if (p == null) {
            throw ProblemException.notFound("project " + id);
        }
        return p;
    }

    /** Every project by name. */
    public List<Project> findAllProjects() {
        return Project.list("order by name, id");
    }

    private static void apply(Project p, ProjectRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        if (r.name() == null || r.name().isBlank()) {
            throw ProblemException.badRequest("name", "must not be blank");
        }
        if (r.name().length() > 200) {
            throw ProblemException.badRequest("name", "must be at most 200 characters");
        }
        if (r.description() != null && r.description().length() > 4000) {
            throw ProblemException.badRequest("description", "must be at most 4000 characters");
        }
        p.name = r.name().trim();
        p.description = r.description();
        p.updatedAt = Instant.now();
    }
}
